// GET /v1/accounts/{id}/transactions: bookingStatus, dateFrom/dateTo inside the history window, and
// `_links.next` paging over a snapshot taken by the first page (the next pages are not counted again).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Bank, Listing } from '../bank.js';
import type { Account } from '../data/generator.js';
import { ledgerAt, renderTx } from '../data/ledger.js';
import { isoDay, parseIsoDay } from '../dates.js';
import { formatError, XsError } from '../errors.js';
import { bankOf, psuIpAddress, queryParam, requireRequestId } from '../http.js';
import type { BankProfile } from '../profiles.js';
import { countRead, grantedAccount, liveConsent } from './access.js';

type AccountParams = { Params: { bankId: string; resourceId: string } };

const BOOKING_STATUSES = ['booked', 'pending', 'both'];

function pageBody(profile: BankProfile, account: Account, listing: Listing, page: number) {
  const size = profile.pageSize;
  const slice = listing.items.slice(page * size, (page + 1) * size);
  const status = listing.bookingStatus;
  const report: Record<string, unknown> = {};
  if (status === 'booked' || status === 'both') {
    report.booked = slice.filter((i) => i.booked).map((i) => renderTx(i.tx, account.currency, true));
  }
  if (status === 'pending' || status === 'both') {
    report.pending = slice.filter((i) => !i.booked).map((i) => renderTx(i.tx, account.currency, false));
  }
  const base = `/${profile.id}/v1/accounts/${account.resourceId}`;
  const links: Record<string, { href: string }> = { account: { href: base } };
  if ((page + 1) * size < listing.items.length) {
    const q = new URLSearchParams({
      bookingStatus: status,
      dateFrom: listing.dateFrom,
      dateTo: listing.dateTo,
      pageToken: `${listing.id}.${page + 1}`,
    });
    links.next = { href: `${base}/transactions?${q}` };
  }
  report._links = links;
  return { account: { iban: account.iban, currency: account.currency }, transactions: report };
}

export function transactionRoutes(app: FastifyInstance, bank: Bank): void {
  app.get<AccountParams>('/:bankId/v1/accounts/:resourceId/transactions', async (request) => {
    const profile = bankOf(request);
    requireRequestId(request);
    const psuIp = psuIpAddress(request);
    const consent = liveConsent(bank, request, profile);
    const { account } = grantedAccount(bank, consent, request.params.resourceId, 'transactions');
    const today = bank.today();

    const pageToken = queryParam(request, 'pageToken');
    if (pageToken !== undefined) {
      const [listingId, pageText] = pageToken.split('.');
      const listing = bank.state.listings.get(listingId ?? '');
      const page = Number(pageText);
      if (
        !listing ||
        listing.consentId !== consent.consentId ||
        listing.resourceId !== account.resourceId ||
        !Number.isInteger(page) ||
        page < 1 ||
        page * profile.pageSize >= listing.items.length
      ) {
        throw formatError('The pageToken is unknown or no longer valid; start the listing again');
      }
      consent.lastActionDay = today;
      return pageBody(profile, account, listing, page);
    }

    if (
      queryParam(request, 'deltaList') !== undefined ||
      queryParam(request, 'entryReferenceFrom') !== undefined
    ) {
      throw formatError('Delta reports (deltaList, entryReferenceFrom) are not supported; use dateFrom');
    }
    const bookingStatus = queryParam(request, 'bookingStatus');
    if (bookingStatus === undefined) throw formatError('The query parameter bookingStatus is missing');
    if (!BOOKING_STATUSES.includes(bookingStatus)) {
      throw formatError(`bookingStatus=${bookingStatus} is not supported (use booked, pending or both)`);
    }
    if (bookingStatus === 'both' && !profile.bothSupported) {
      throw formatError(
        'bookingStatus=both is not supported by this bank; request booked and pending separately',
      );
    }
    const dateFromText = queryParam(request, 'dateFrom');
    if (dateFromText === undefined) throw formatError('The query parameter dateFrom is missing');
    const dateFrom = parseIsoDay(dateFromText);
    if (dateFrom === null) throw formatError('dateFrom must be a date (YYYY-MM-DD)');
    const dateToText = queryParam(request, 'dateTo');
    const dateTo = dateToText === undefined ? today : parseIsoDay(dateToText);
    if (dateTo === null) throw formatError('dateTo must be a date (YYYY-MM-DD)');
    const windowDays = psuIp === null ? profile.historyDaysUnattended : profile.historyDaysPresent;
    if (dateFrom < today - windowDays) {
      throw new XsError(
        400,
        'PERIOD_INVALID',
        `dateFrom is more than ${windowDays} days in the past (the limit ${psuIp === null ? 'without' : 'with'} the PSU present)`,
      );
    }
    if (dateFrom > today) throw new XsError(400, 'PERIOD_INVALID', 'dateFrom is in the future');
    if (dateTo < dateFrom) throw new XsError(400, 'PERIOD_INVALID', 'dateTo is before dateFrom');

    countRead(bank, consent, account.resourceId, psuIp);
    consent.lastActionDay = today;

    const ledger = ledgerAt(account, today);
    const items: Listing['items'] = [];
    if (bookingStatus !== 'booked') {
      for (const tx of ledger.pending) {
        if (tx.valueDay >= dateFrom && tx.valueDay <= dateTo) items.push({ tx, booked: false });
      }
    }
    if (bookingStatus !== 'pending') {
      for (const tx of ledger.booked) {
        const day = tx.bookingDay ?? tx.valueDay;
        if (day >= dateFrom && day <= dateTo) items.push({ tx, booked: true });
      }
    }
    const listing: Listing = {
      id: randomBytes(9).toString('base64url'),
      consentId: consent.consentId,
      resourceId: account.resourceId,
      bookingStatus,
      dateFrom: isoDay(dateFrom),
      dateTo: isoDay(dateTo),
      items,
    };
    if (items.length > profile.pageSize) bank.addListing(listing);
    return pageBody(profile, account, listing, 0);
  });
}

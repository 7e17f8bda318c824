import type { DocSection } from '../sections.js';

/** /docs#enrichment — merchant_name, counterparty, category_confidence and how they are made. */
export const enrichmentSection: DocSection = {
  id: 'enrichment',
  title: 'Transaction enrichment',
  html: `<p>Every transaction (list mode and sync mode, including the transactions of your own sandbox connections) carries three
enrichment fields besides its bank <code>description</code>, which is never changed:</p>
<ul>
<li><code>merchant_name</code> — the merchant's clean display name, without the bank's wrapping: channel prefixes
("Kupovina karticom", "POS KUPOVINA", "PLAĆANJE KARTICOM 4912", "Shopping by card", "Card payment"), dates and times,
card-number fragments, processor prefixes (<code>GOOGLE *</code>, <code>MICROSOFT*</code>, <code>PAYPAL *</code>,
<code>APPLE.COM/BILL</code>, <code>SumUp *</code>, <code>SQ *</code>), phone numbers, terminal ids, store numbers, legal forms
and city or country suffixes ("… AMSTERDAM NL", "… NOVI BEOGRAD"); Cyrillic is written in Latin.
<code>"Kupovina karticom GOOGLE *YouTube 19.10.2026 DUBLIN IE"</code> → <code>"YouTube"</code>. <code>null</code> when the text
names no merchant (a cash withdrawal, a transfer to a person).</li>
<li><code>counterparty</code> — <code>{"name", "account_number"?}</code> for transfers and payments to people or companies when
the text names one: <code>"Prenos na račun Marko Petrović 160-0000012345678-90"</code> →
<code>{"name":"Marko Petrović","account_number":"160-0000012345678-90"}</code>; otherwise <code>null</code>.</li>
<li><code>category_confidence</code> — <code>high</code> (a known merchant, a cash or salary signal, a strong keyword the
learned model agrees with), <code>medium</code> (a weaker rule, or the learned model alone and sure; also a category you set
yourself in a sandbox connection that the categoriser would not have chosen) or <code>low</code> (the signals disagree, or
nothing but the default — an unnamed card purchase at home counts as groceries, an unnamed merchant billed from abroad as subscriptions).</li>
</ul>
<p>Categories come from a dictionary of Serbian merchants and keywords ("restoran", "pekara", "market", "apoteka",
"benzinska", …) and, for merchants nobody listed, a small character n-gram model trained on labelled statements. Which of the
nine categories a kind of payee belongs to (pharmacies and clothing are groceries, bank fees and cash are transfers, taxes and
insurance are utilities, …) follows the labelling guide in <code>server/eval/LABELLING.md</code>: what the money was for
decides, not the channel — an IPS, e-banking or standing order to a company or an institution is categorised by what it names,
and money sent to a person is a transfer whatever its purpose mentions, unless it says rent. The fields are computed when
the transaction is served, so an improvement to the rules applies to every stored transaction at once; <code>category</code>
itself is stored when the transaction is imported. Recurring streams (<code>/recurring</code>) group payments by the same
merchant key, so one subscription is one stream whichever bank wrapping it arrives in.</p>`,
};

/** The widget's words. Serbian (Latin script) is the default; English on request. */
export type Language = 'sr' | 'en';

const sr = {
  title: 'Povežite svoju banku',
  intro: 'Izaberite banku. Prijavljujete se direktno kod banke — aplikacija ne vidi vašu lozinku.',
  search: 'Pretražite banke',
  close: 'Zatvori',
  soon: 'Uskoro',
  sandbox: 'Sandbox',
  loading: 'Učitavanje banaka…',
  noResults: 'Nijedna banka ne odgovara pretrazi.',
  starting: 'Otvaranje stranice banke…',
  waitTitle: 'Prijavite se u banci',
  waitBody: 'Završite prijavu u prozoru banke {bank}. Nastavljamo čim odobrite pristup.',
  reopen: 'Ponovo otvori prozor banke',
  cancel: 'Izaberi drugu banku',
  doneTitle: 'Banka je povezana',
  doneBody: '{bank} je uspešno povezana.',
  done: 'Gotovo',
  failTitle: 'Povezivanje nije uspelo',
  retry: 'Pokušaj ponovo',
  back: 'Nazad na listu banaka',
  errNetwork: 'Nema veze sa serverom. Proverite vezu i pokušajte ponovo.',
  errExpired: 'Sesija je istekla. Pokrenite povezivanje ponovo.',
  errDenied: 'Pristup nije odobren u banci.',
  errClosed: 'Prozor banke je zatvoren pre odobrenja.',
  errAuth: 'Aplikacija nije ispravno podešena (neispravan ključ).',
  errLinkToken: 'Link za povezivanje nije važeći ili je istekao.',
  errLocked: 'Vaš račun u banci je zaključan.',
  errBankDown: 'Banka trenutno ne odgovara.',
  errGeneric: 'Došlo je do greške.',
  footer: 'Bezbedno povezivanje uz OpenDinar',
};

export type Strings = typeof sr;

const en: Strings = {
  title: 'Connect your bank',
  intro: 'Choose your bank. You sign in with the bank itself — this app never sees your password.',
  search: 'Search banks',
  close: 'Close',
  soon: 'Coming soon',
  sandbox: 'Sandbox',
  loading: 'Loading banks…',
  noResults: 'No bank matches your search.',
  starting: 'Opening your bank’s page…',
  waitTitle: 'Sign in with your bank',
  waitBody: 'Finish signing in in the {bank} window. We continue here once you approve.',
  reopen: 'Reopen the bank window',
  cancel: 'Choose another bank',
  doneTitle: 'Bank connected',
  doneBody: '{bank} is now connected.',
  done: 'Done',
  failTitle: 'Could not connect',
  retry: 'Try again',
  back: 'Back to the bank list',
  errNetwork: 'Cannot reach the server. Check your connection and try again.',
  errExpired: 'The session has expired. Start connecting again.',
  errDenied: 'Access was not approved at the bank.',
  errClosed: 'The bank window closed before approval.',
  errAuth: 'This app is not set up correctly (invalid key).',
  errLinkToken: 'This connection link is invalid or expired.',
  errLocked: 'Your bank account is locked.',
  errBankDown: 'The bank is not answering.',
  errGeneric: 'Something went wrong.',
  footer: 'Secure connection by OpenDinar',
};

export function stringsFor(language: Language | undefined): Strings {
  return language === 'en' ? en : sr;
}

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

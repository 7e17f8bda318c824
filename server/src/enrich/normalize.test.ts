import { describe, expect, it } from 'vitest';
import {
  CASH_KEY,
  CHANNEL_PREFIXES,
  CITIES,
  COUNTRIES,
  CYRILLIC_TO_LATIN,
  counterpartyKey,
  Description,
  DIACRITIC_FOLD,
  FILLER_WORDS,
  FOREIGN_PLACES,
  fold,
  LEGAL_FORMS,
  MONTH_ABBREVIATIONS,
  NOISE_PATTERNS,
  normalizeMerchant,
  OTHER_CYRILLIC,
  OWN_PRODUCT_PROCESSORS,
  PERIOD_WORDS,
  PROCESSORS,
  scanDescription,
  streamKey,
  toLatin,
  WEB_SUFFIXES,
} from './normalize.js';

const key = (text: string): string => normalizeMerchant(text).key;

describe('letters', () => {
  it.each(Object.entries(CYRILLIC_TO_LATIN))('Cyrillic %s → %s, both cases', (cyr, lat) => {
    expect(toLatin(cyr)).toBe(lat);
    expect(toLatin(cyr.toUpperCase()).toLowerCase()).toBe(lat);
  });

  it.each(Object.entries(DIACRITIC_FOLD))('folds %s → %s, both cases', (letter, ascii) => {
    expect(fold(letter)).toBe(ascii);
    expect(fold(letter.toUpperCase())).toBe(ascii);
  });

  it.each(Object.entries(OTHER_CYRILLIC))('other Cyrillic %s → %s', (cyr, ascii) => {
    expect(fold(`a${cyr}b`)).toBe(`a${ascii}b`);
  });

  it('one payee in Cyrillic, Latin with and without diacritics and any case has one key', () => {
    const keys = ['ЂАЧКИ КУТАК ЧАЧАК', 'Đački kutak Čačak', 'DJACKI KUTAK CACAK', 'djacki Kutak cacak'].map(
      key,
    );
    expect(new Set(keys)).toEqual(new Set(['djacki kutak']));
    expect(normalizeMerchant('ЂАЧКИ КУТАК').display).toBe('Đački Kutak');
  });
});

describe('channel prefixes', () => {
  it.each(CHANNEL_PREFIXES.map(([phrase, channel, vague]) => [phrase, channel, vague ?? '']))(
    '"%s" sets channel %s %s',
    (phrase, channel, vague) => {
      for (const variant of [phrase.toUpperCase(), phrase]) {
        // Category view: dropped wherever it stands, sets the channel's flag unless vague.
        const scan = scanDescription(`MAXI 12 ${variant} IDEA 0456`);
        expect(scan.tokens, variant).toEqual(['maxi', 'idea']);
        const flags = Object.entries(scan.flags).filter(([, on]) => on);
        expect(flags.length, variant).toBe(channel === null || vague === 'vague' ? 0 : 1);
        // Merchant view: stripped from the front and names the channel; a purpose word stays.
        const n = normalizeMerchant(`${variant} IDEA 0456 NOVI SAD`);
        if (channel === null) {
          expect(n.key, variant).toBe(`${phrase} idea`);
        } else {
          expect(n.key, variant).toBe('idea');
          // "poziv na broj" is noise (a reference number follows it) before it is a prefix.
          expect(n.channel, variant).toBe(phrase === 'poziv na broj' ? null : channel);
        }
      }
    },
  );

  it('matches prefixes written with diacritics', () => {
    expect(normalizeMerchant('PLAĆANJE KARTICOM 4912 LIDL SRBIJA KD 1043 NIŠ')).toMatchObject({
      key: 'lidl',
      display: 'Lidl',
      channel: 'card',
    });
    expect(normalizeMerchant('ПЛАЋАЊЕ КАРТИЦОМ МАКСИ 087 БЕОГРАД').key).toBe('maksi');
  });

  it('English-language exports and direction words are wrapping: one payee, one key', () => {
    expect(key('DEBIT CARD TRX 03.03.2027 SK SPARTAK SUBOTICA RS')).toBe('sk spartak');
    expect(
      new Set(
        [
          'Payment order Marija Ilic',
          'Transfer order MARIJA ILIC 2027-01-14',
          'Instant payment Marija Ilić',
          'Nalog Marija Ilić 13.06.2026',
        ].map(key),
      ),
    ).toEqual(new Set(['marija ilic']));
    expect(key('ODLIV IPS MARKO RADIC KIRIJA')).toBe(key('Odliv - Marko Radić - kirija - 01.02.2026'));
    expect(key('ODLIV IPS MARKO RADIC KIRIJA')).toBe('marko radic kirija');
    expect(key('Incoming payment Philip Morris Operations')).toBe('philip morris operations');
    expect(key('PRILIV PHILIP MORRIS OPERATIONS')).toBe('philip morris operations');
    expect(key('E-BANKING JKP VODOVOD SUBOTICA voda')).toBe(key('m-banking IPS JKP Vodovod Subotica voda'));
  });

  it('further exports\' wrappings are stripped (session 9: "Instant prenos X:", "Inflow", "e-Nalog", a card scheme)', () => {
    expect(key('Instant prenos JKP Informatika Novi Sad: racun br 433969053')).toBe(
      key('Prenos sredstava JKP Informatika Novi Sad: racun br 1'),
    );
    expect(key('Outgoing instant payment Srbijagas - gas 01/2027')).toBe(key('Srbijagas - gas 01/2027'));
    expect(key('Outgoing payment Srbijagas gas 02/2027')).toBe(key('Srbijagas gas 03/2027'));
    expect(key('Inflow RF PIO penzija 01/2024')).toBe(key('RF PIO penzija 02/2024'));
    expect(key('Primljena uplata Nelt Co doo: zarada')).toBe(key('Nelt Co doo zarada'));
    expect(key('PRILIV SREDSTAVA JP POSTA SRBIJE ISPLATA ZARADE')).toBe(
      key('JP POSTA SRBIJE ISPLATA ZARADE'),
    );
    expect(key('e-Nalog SZ Njegoseva 41 / odrzavanje zgrade')).toBe(key('SZ Njegoseva 41 odrzavanje zgrade'));
    expect(key('Placanje karticom Visa Fitness centar Pulse, Nis')).toBe('fitness centar pulse');
    const water = key('Plaćanje računa JKP Vodovod Pančevo tromesečni račun');
    expect(key('eBanking plaćanje - JKP Vodovod Pančevo - tromesečni račun')).toBe(water);
    expect(key('Mbanking JKP Vodovod Pančevo; tromesecni racun')).toBe(water);
    expect(key('Prenos sredstava na racun 200-638171440-92 JKP Vodovod Pancevo tromesecni racun')).toBe(
      water,
    );
  });

  it('"Plaćanje karticom na internetu" is one online card wrapping, not a card payment to "na internetu"', () => {
    expect(key('Plaćanje karticom na internetu PLAYSTATION NETWORK GB EUR 24,99')).toBe(
      'playstation network',
    );
    expect(normalizeMerchant('Plaćanje karticom na internetu NETFLIX.COM NL').channel).toBe('ecommerce');
  });

  it.each([
    'Plaćanje karticom u inostranstvu ACME SOFTWARE NL',
    'Transakcija karticom u inostranstvu ACME SOFTWARE',
    'Kupovina u inostranstvu ACME SOFTWARE SE',
    'Zaduženje po kartici ACME SOFTWARE',
    'Potrošnja karticom ACME SOFTWARE',
    'VISA DEBIT 4058XXXXXXXX1182 ACME SOFTWARE',
    'MC DEBIT *1182 ACME SOFTWARE',
    'Internet transakcija ACME SOFTWARE',
    'Plaćanje na internet prodajnom mestu ACME SOFTWARE',
    'Online plaćanje karticom ACME SOFTWARE',
    'Uplata po nalogu ACME SOFTWARE DOO',
  ])('card-abroad and debit wordings go: %s', (text) => {
    expect(key(text)).toBe('acme software');
  });

  it('a labelled purpose is not the payee ("svrha:", "Purpose:")', () => {
    expect(key('Elektronski nalog SZ NJEGOSEVA 12 svrha: tekuće održavanje III kv')).toBe('sz njegoseva');
    expect(key('Nalog za prenos Stambena zajednica Njegoševa 12 svrha plaćanja - održavanje')).toBe(
      'stambena zajednica njegoseva',
    );
    expect(key('Payment order Loopia doo Purpose: domain renewal')).toBe('loopia');
    // The label alone, first, is no purpose of anything.
    expect(key('Svrha: kirija')).not.toBe('');
  });

  it('strips chained prefixes and numbers between them', () => {
    expect(key('POS KUPOVINA 0012 PLACANJE KARTICOM WOLT BEOGRAD')).toBe('wolt');
  });
});

describe('grouping keys of listed brands', () => {
  it.each([
    ['Odliv - Serbia Broadband - korisnik 1608567', 'sbb'],
    ['E-COMMERCE PLAYSTATIONNETWORK GB 29,99 EUR', 'playstation'],
    ['Card payment SONY INTERACTIVE PSN GB', 'playstation'],
    ['Куповина на интернету ESET SRBIJA SK 49,99 EUR', 'eset'],
    ['Internet kupovina DRI*KASPERSKY IE 37,49 EUR', 'kaspersky'],
    ['NORTON *AP12345678 US 49,99 USD', 'norton'],
  ])('%s → %s', (text, brand) => {
    expect(counterpartyKey(text)).toBe(brand);
  });
});

describe('noise anywhere in the text', () => {
  const samples: Record<string, string> = {
    'iso date': 'WOLT 2026-03-14 BEOGRAD',
    'dotted date': 'WOLT 14.03.2026 BEOGRAD',
    'day and month': 'WOLT 14.03. BEOGRAD',
    time: 'WOLT 14:22:05 BEOGRAD',
    'card last four after a star': 'WOLT *7712 BEOGRAD',
    'masked card': 'WOLT 4058******7712 BEOGRAD',
    'card number after card word': 'Kupovina karticom 4912 WOLT BEOGRAD',
    'phone number': 'WOLT +381 11 123 4567 BEOGRAD',
    'terminal id': 'WOLT TID 00123456 BEOGRAD',
    'amount with currency': 'WOLT 9.99 EUR BEOGRAD',
    'amount label': 'WOLT iznos 9,99 EUR BEOGRAD',
    'card word before a masked number': 'POS KARTICA ****1182 WOLT BEOGRAD',
    'poziv na broj': 'WOLT POZ NA BR 97312405656899',
    'card word left over': 'WOLT br. kartice 1234',
    'month range': 'WOLT za jul-septembar',
    'card masked with dots': 'POS KUPOVINA kartica 4165...8422 WOLT BEOGRAD',
    'card scheme before a masked number': 'Kupovina WOLT BEOGRAD SRB Mastercard ****5699',
  };
  it.each(NOISE_PATTERNS.map(([name]) => name))('%s', (name) => {
    expect(samples[name], `a sample for ${name}`).toBeDefined();
    expect(key(samples[name]!)).toBe('wolt');
  });

  it("an amount label, a card word before a masked number and an insurer's legal form go", () => {
    expect(key('E-COMMERCE PLAYSTATIONNETWORK GB iznos 24,99 EUR')).toBe(
      key('E-COMMERCE PLAYSTATIONNETWORK GB'),
    );
    expect(key('POS 25.01.2026 KARTICA ****1182 GITHUB INC US USD 10,00')).toBe('github');
    expect(key('Nalog za prenos DUNAV OSIGURANJE ADO')).toBe('dunav osiguranje');
  });

  it('US-style phone numbers and reference codes go', () => {
    expect(key('NETFLIX.COM 866-579-7172 NL')).toBe('netflix');
    expect(key('E-COMMERCE SPOTIFY P1A23B4C5 STOCKHOLM SE')).toBe('spotify');
  });
});

describe('processors', () => {
  const samples: Record<string, [string, string, string]> = {
    google: ['GOOGLE *YouTube Premium g.co/helppay# GB', 'youtube premium', 'YouTube Premium'],
    microsoft: ['MICROSOFT*XBOX GAME PASS 425-6816830 WA', 'xbox game pass', 'Xbox Game Pass'],
    paypal: ['PAYPAL *SPOTIFY 35314369001 LU', 'spotify', 'Spotify'],
    apple: ['APPLE.COM/BILL ITUNES.COM IE', 'apple', 'Apple'],
    sumup: ['SumUp *Kafe Dorcol Beograd', 'kafe dorcol', 'Kafe Dorcol'],
    square: ['SQ *BLUE BOTTLE COFFEE San Francisco CA', 'blue bottle coffee', 'Blue Bottle Coffee'],
    amazon: ['AMZN Mktp *2K4LL0 Luxembourg LU', 'amazon', 'Amazon'],
    facebook: ['FACEBK *ADS 650-5434800 IE', 'ads', 'Ads'],
    paddle: ['PADDLE.NET* NOTION LONDON GB', 'notion', 'Notion'],
    fastspring: ['FS *SUBLIMEHQ', 'sublimehq', 'Sublimehq'],
    shopify: ['SP * GYMSHARK UK', 'gymshark', 'Gymshark'],
    zettle: ['iZ *Caffe Bar Beograd', 'caffe bar', 'Caffe Bar'],
    '2checkout': ['2CO.COM*AVAST', 'avast', 'Avast'],
    stripe: ['STRIPE* CANVA', 'canva', 'Canva'],
    digitalriver: ['DRI*MALWAREBYTES', 'malwarebytes', 'Malwarebytes'],
  };
  it.each(PROCESSORS.map(([k, , pattern]) => [k, pattern.source]))('%s (%s)', (processor) => {
    const sample = samples[processor];
    expect(sample, `a sample for ${processor}`).toBeDefined();
    const [text, k, display] = sample!;
    expect(normalizeMerchant(text)).toMatchObject({ key: k, display, processor });
    // The processor also comes off behind a channel prefix.
    expect(normalizeMerchant(`Kupovina karticom ${text} 19.10.2026`).key).toBe(k);
  });

  it.each([...OWN_PRODUCT_PROCESSORS])(
    'the grouping key keeps %s, a seller of its own plans, before the plan',
    (processor) => {
      const prefixes: Record<string, string> = {
        google: 'GOOGLE *',
        microsoft: 'MSFT *',
        apple: 'APPLE.COM*',
        amazon: 'AMZN *',
        facebook: 'FACEBK *',
      };
      const described = new Description(`${prefixes[processor]}PLAN ONE 19.10.2026`);
      expect(described.merchant).toMatchObject({ processor, key: 'plan one' });
      expect(described.counterpartyKey).toBe(`${processor} plan one`);
    },
  );

  it('behind a pure payment processor the grouping key is the merchant alone', () => {
    expect(new Description('PAYPAL *NOTION LABS').counterpartyKey).toBe(
      new Description('NOTION LABS').counterpartyKey,
    );
    expect(new Description('SumUp *Kafe Dorcol Beograd').counterpartyKey).toBe('kafe dorcol');
  });

  it('every cash wording has the one cash grouping key', () => {
    for (const text of [
      'Isplata gotovine ATM 8568 BEOGRAD',
      'Bankomat isplata ATM 3036',
      'ATM isplata 10.000,00 RSD BEOGRAD',
      'Podizanje gotovine na šalteru',
      'Uplata gotovine na račun',
    ]) {
      expect(new Description(text).counterpartyKey, text).toBe(CASH_KEY);
    }
  });

  it('a processor with nothing after it is the merchant', () => {
    expect(normalizeMerchant('PAYPAL *')).toMatchObject({ key: 'paypal', display: 'PayPal' });
  });
});

describe('web suffixes', () => {
  it.each(WEB_SUFFIXES)('%s', (suffix) => {
    expect(key(`NETFLIX${suffix.toUpperCase()} AMSTERDAM`)).toBe('netflix');
    expect(key(`www.netflix${suffix}/rs`)).toBe('netflix');
  });
});

describe('suffixes stripped from the end', () => {
  it.each(CITIES)('city %s', (city) => {
    expect(key(`MAXI 182 ${city.toUpperCase()}`)).toBe('maxi');
  });
  it.each(COUNTRIES)('country %s', (country) => {
    expect(key(`NETFLIX.COM AMSTERDAM ${country.toUpperCase()}`)).toBe('netflix');
  });
  it.each(LEGAL_FORMS)('legal form %s', (form) => {
    expect(key(`ACME ${form.toUpperCase()} NOVI SAD`)).toBe('acme');
  });

  it('never strips the merchant itself', () => {
    expect(key('NIS PETROL BS 185 NIŠ')).toBe('nis petrol bs');
    expect(key('BEOGRAD')).toBe('beograd');
    expect(key('Niš Ekspres')).toBe('nis ekspres');
  });
});

describe('period words', () => {
  it.each(PERIOD_WORDS)('%s', (word) => {
    expect(key(`Infostan ${word} 2026`)).toBe('infostan');
  });

  it('quarters and instalments in any wording are one payee (porez na imovinu, building fees)', () => {
    const one = key('Grad Kragujevac porez na imovinu IV kvartal 2026');
    expect(key('GRAD KRAGUJEVAC POREZ NA IMOVINU III KVARTAL 2026')).toBe(one);
    expect(key('Grad Kragujevac porez na imovinu rata 2')).toBe(one);
    expect(key('SZ Njegoseva 41 odrzavanje zgrade Q4/2026')).toBe(
      key('SZ Njegoseva 41 odrzavanje zgrade Q1/2027'),
    );
  });

  it('the same bill in different months has one key', () => {
    expect(key('Plata - januar 2026')).toBe(key('PLATA - DECEMBAR 2025'));
    expect(key('EPS Snabdevanje racun 01/2026')).toBe(key('EPS SNABDEVANJE RACUN 02/2026'));
  });
});

describe('whole descriptions', () => {
  it.each([
    ['Kupovina karticom GOOGLE *YouTube 19.10.2026 DUBLIN IE', 'youtube', 'YouTube', 'card'],
    ['Shopping by card NETFLIX.COM 866-579-7172 AMSTERDAM NL', 'netflix', 'Netflix', 'card'],
    ['Card payment SPOTIFY P1A23B4C5 STOCKHOLM SE', 'spotify', 'Spotify', 'card'],
    ['Purchase 4058******7712 MICROSOFT*MICROSOFT 365 P 14:22 LU', 'microsoft', 'Microsoft', 'card'],
    ['POS 07.03.2026 RODA MEGAMARKET 21 KRAGUJEVAC', 'roda megamarket', 'Roda Megamarket', 'card'],
    ['PEKARA HLEB I KIFLE NOVI BEOGRAD', 'pekara hleb i kifle', 'Pekara Hleb I Kifle', null],
    ['МАКСИ ДЕЛЕЗ СРБИЈА 215 БЕОГРАД', 'maksi delez', 'Maksi Delez', null],
  ])('%s', (text, k, display, channel) => {
    expect(normalizeMerchant(text)).toMatchObject({ key: k, display, channel });
  });

  it('captures the account number of a transfer', () => {
    expect(normalizeMerchant('Prenos na račun Marko Petrović 160-0000012345678-90')).toEqual({
      key: 'marko petrovic',
      display: 'Marko Petrović',
      channel: 'transfer',
      processor: null,
      accountNumber: '160-0000012345678-90',
      abroad: false,
    });
  });

  it('marks a merchant billed from abroad (foreign place or processor), not one at home', () => {
    expect(normalizeMerchant('E-COMMERCE HEADSPACE LU').abroad).toBe(true);
    expect(normalizeMerchant('Kupovina karticom FOOBARIO 12 AMSTERDAM NL').abroad).toBe(true);
    expect(normalizeMerchant('PADDLE.NET* NOTION').abroad).toBe(true);
    expect(normalizeMerchant('Kupovina karticom LANTERNA NOVI SAD').abroad).toBe(false);
    expect(normalizeMerchant('POS KUPOVINA HOMA BEOGRAD RS').abroad).toBe(false);
  });

  it.each(FOREIGN_PLACES)('foreign place %s is one the suffix table strips', (place) => {
    const printed =
      CITIES.find((c) => c === place || c.endsWith(` ${place}`)) ?? COUNTRIES.find((c) => c === place);
    expect(printed, 'in the suffix tables').toBeDefined();
    expect(normalizeMerchant(`ACME ${printed!.toUpperCase()}`)).toMatchObject({ key: 'acme', abroad: true });
  });

  it.each(COUNTRIES.filter((c) => !FOREIGN_PLACES.includes(c)))(
    'country %s is stripped but is not abroad (Serbia, and ME)',
    (country) => {
      expect(['srbija', 'serbia', 'srb', 'srbije', 'rs', 'me']).toContain(country);
      expect(normalizeMerchant(`ACME ${country.toUpperCase()}`)).toMatchObject({
        key: 'acme',
        abroad: false,
      });
    },
  );

  it('every foreign country code is listed once, in the country table', () => {
    const foreignCountries = FOREIGN_PLACES.filter((p) => COUNTRIES.includes(p));
    expect(new Set(foreignCountries).size).toBe(foreignCountries.length);
    expect(new Set(COUNTRIES).size).toBe(COUNTRIES.length);
    expect(foreignCountries).toEqual(expect.arrayContaining(['nl', 'lu', 'ie', 'us', 'gb', 'de', 'hr']));
  });

  it('a description of nothing but wrapping has no merchant', () => {
    expect(normalizeMerchant('Bankomat isplata ATM 5165')).toMatchObject({
      key: '',
      display: null,
      channel: 'cash',
    });
  });
});

describe('fallback key of text with no merchant', () => {
  it.each([...MONTH_ABBREVIATIONS, ...FILLER_WORDS])('%s', (word) => {
    expect(streamKey(`Uplata ${word.toUpperCase()} 2026`)).toBe('uplata');
  });
});

describe('one description, normalised once', () => {
  it('shares the category view, merchant view and grouping key', () => {
    const d = new Description('Kupovina karticom 4058******7712 NETFLIX.COM 866-579-7172 AMSTERDAM NL');
    expect(d.scan.flags.card).toBe(true);
    expect(d.scan.tokens).toContain('netflix');
    expect(d.merchant).toMatchObject({ key: 'netflix', display: 'Netflix', channel: 'card' });
    expect(d.merchant).toBe(d.merchant);
    expect(d.counterpartyKey).toBe('netflix');
  });
});

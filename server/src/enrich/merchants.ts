/**
 * Curated dictionary of Serbian merchants, billers and category keywords, and a token index over it.
 *
 * Patterns are written already normalised (ASCII lower case, as `transliterate` produces), as
 * space-separated tokens; a trailing `*` on the last token matches any token starting with that
 * stem, which covers Serbian inflection ("kirija", "kirije", "kiriju") and glued brand domains
 * ("steampowered", "steamgames").
 */
import type { Category } from './categorize.js';

/**
 * How much a match says. A brand names the counterparty (and becomes its grouping key); a keyword
 * names the kind of thing bought ("restoran", "kirija"); a hint is a weak signal that any
 * brand or keyword overrides ("jkp", "bs" = benzinska stanica, "dopuna"); a channel only says
 * how money moved ("paypal", "revolut" top-ups) and loses to anything else.
 */
export type MatchStrength = 'brand' | 'keyword' | 'hint' | 'channel';

export interface MerchantEntry {
  /** Canonical counterparty name for brands (used as grouping key). */
  name: string;
  category: Category;
  strength: MatchStrength;
  patterns: readonly string[];
}

const b = (name: string, category: Category, ...patterns: string[]): MerchantEntry => ({
  name,
  category,
  strength: 'brand',
  patterns: patterns.length > 0 ? patterns : [name],
});
const k = (category: Category, ...patterns: string[]): MerchantEntry => ({
  name: patterns[0] as string,
  category,
  strength: 'keyword',
  patterns,
});
const h = (category: Category, ...patterns: string[]): MerchantEntry => ({
  name: patterns[0] as string,
  category,
  strength: 'hint',
  patterns,
});
const c = (category: Category, ...patterns: string[]): MerchantEntry => ({
  name: patterns[0] as string,
  category,
  strength: 'channel',
  patterns,
});

export const MERCHANTS: readonly MerchantEntry[] = [
  // Groceries and everyday shopping (supermarkets, drugstores, pharmacies, markets, kiosks).
  b('maxi', 'groceries', 'maxi', 'maksi', 'maxi delhaize', 'delhaize', 'maxi rs'),
  b('idea', 'groceries', 'idea', 'idea super', 'idea express', 'idea ekspres'),
  b('lidl', 'groceries', 'lidl'),
  b('roda', 'groceries', 'roda', 'roda megamarket'),
  b('dis', 'groceries', 'dis', 'dis market'),
  b('univerexport', 'groceries', 'univerexport', 'univer export'),
  b('aman', 'groceries', 'aman'),
  b('tempo', 'groceries', 'tempo'),
  b('mercator', 'groceries', 'mercator', 'mercator s', 'merkator'),
  b('conad', 'groceries', 'conad'),
  b('shop&go', 'groceries', 'shop go', 'shop and go', 'shopgo', 'shopandgo', 'sop go'),
  b('gomex', 'groceries', 'gomex'),
  b('metro', 'groceries', 'metro cash', 'metro'),
  b('eurospin', 'groceries', 'eurospin'),
  b('ebakalin', 'groceries', 'ebakalin'),
  b('dm', 'groceries', 'dm', 'dm drogerie', 'dm drogerie markt'),
  b('lilly', 'groceries', 'lilly', 'lili drogerie', 'lili drogerija'),
  b('benu', 'groceries', 'benu'),
  b('podravka', 'groceries', 'podravka'),
  k(
    'groceries',
    'market',
    'supermarket',
    'hipermarket',
    'megamarket',
    'minimarket',
    'prodavnic*',
    'trafik*',
    'drogerie',
    'drogerij*',
    'apotek*',
    'pijac*',
    'mesar*',
    'piljar*',
    'samoposluga',
    'supermarketi',
    'market*',
    // More shop cues (groceries ↔ dining was the largest confusion).
    'mlekar*',
    'bakalnic*',
    'diskont*',
    'delikates*',
    'ribarnic*',
    'vocar*',
    'kasap*',
    'suvomesnat*',
    'zdrava hrana',
    'voce i povrce',
    'dragstor*',
  ),

  // Dining: delivery, fast food, restaurants, cafés, bakeries (takeaway breakfast in Serbia).
  b('wolt', 'dining', 'wolt', 'volt'),
  b('glovo', 'dining', 'glovo', 'glovoapp'),
  b('donesi', 'dining', 'donesi'),
  b('mcdonalds', 'dining', 'mcdonalds', 'mcdonald', 'mc donalds', 'mc donald', 'mekdonalds'),
  b('kfc', 'dining', 'kfc'),
  b('mr burger', 'dining', 'mr burger', 'mrburger'),
  b('burger king', 'dining', 'burger king'),
  b('walter', 'dining', 'walter'),
  b('starbucks', 'dining', 'starbucks'),
  b('gyros master', 'dining', 'gyros master'),
  // Well-known Belgrade restaurants and cafés whose names carry no "restoran"/"kafić".
  b('koffein', 'dining', 'koffein'),
  b('greenet', 'dining', 'greenet'),
  b('burrito madre', 'dining', 'burrito madre'),
  b('mala fabrika ukusa', 'dining', 'mala fabrika ukusa'),
  b('manufaktura', 'dining', 'manufaktura'),
  b('dva jelena', 'dining', 'dva jelena'),
  b('zavicaj', 'dining', 'zavicaj'),
  b('tri sesira', 'dining', 'tri sesira'),
  b('znak pitanja', 'dining', 'znak pitanja'),
  b('ambar', 'dining', 'ambar'),
  b('lorenzo kakalamba', 'dining', 'lorenzo kakalamba'),
  b('dzems', 'dining', 'dzems', 'jazz bar dzems'),
  k(
    'dining',
    'restoran*',
    'restaurant*',
    'kafan*',
    'pekar*',
    'bakery',
    'caffe',
    'cafe',
    'kafe',
    'kafic*',
    'coffee',
    'kafeterij*',
    'pizz*',
    'picerij*',
    'bistro',
    'pivnic*',
    'birtij*',
    'rostilj*',
    'gyros',
    'giros',
    'sushi',
    'trattoria',
    'cevap*',
    'burek*',
    'burger*',
    'poslasticarn*',
    'gelato',
    'sladoled*',
    'food',
    'bar',
    'pub',
    'grill',
    'kuhinj*',
    'meze*',
    // More dining cues (groceries ↔ dining was the largest confusion).
    'palacinkarnic*',
    'krofn*',
    'pecenjar*',
    'kebab*',
    'doner',
    'pljeskavic*',
    'sendvic*',
    'menza',
    'kantina',
    'bife',
    'konoba',
    'gostion*',
    'splav',
    'espresso',
    'cajdzinic*',
    'brunch',
    'bistroteka',
    'fast food',
    'street food',
  ),

  // Utilities: power, heating, water, gas, waste, building, phone/internet bills.
  b(
    'eps',
    'utilities',
    'eps',
    'eps snabdevanje',
    'eps distribucija',
    'elektroprivreda*',
    'elektrodistribucij*',
  ),
  b('infostan', 'utilities', 'infostan'),
  b('beogradske elektrane', 'utilities', 'beogradske elektrane', 'elektrane'),
  b('bvk', 'utilities', 'bvk', 'beogradski vodovod'),
  b('srbijagas', 'utilities', 'srbijagas', 'srbija gas'),
  b('telekom srbija', 'utilities', 'telekom', 'telekom srbija', 'mts'),
  b('yettel', 'utilities', 'yettel', 'telenor'),
  b('a1', 'utilities', 'a1', 'vip mobile'),
  b('sbb', 'utilities', 'sbb'),
  b('orion', 'utilities', 'orion', 'orion telekom'),
  k(
    'utilities',
    'toplan*',
    'vodovod*',
    'kanalizacij*',
    'cistoc*',
    'struj*',
    'grejanj*',
    'stambena zajednica',
    'stambene zajednice',
    'upravnik zgrade',
    'odrzavanje zgrade',
    'komunaln*',
    'gradska cistoca',
    'elektricn*',
    'taksa',
    'takse',
  ),
  h('utilities', 'jkp', 'gas', 'dopuna', 'vip', 'internet'),

  // Transport: fuel, taxis and ride hailing, city transport, parking, tolls, trains, coaches, flights.
  b('nis petrol', 'transport', 'nis petrol', 'nispetrol'),
  b('gazprom', 'transport', 'gazprom*'),
  b('omv', 'transport', 'omv'),
  b('mol', 'transport', 'mol'),
  b('lukoil', 'transport', 'lukoil'),
  b('eko', 'transport', 'eko'),
  b('euro petrol', 'transport', 'euro petrol', 'europetrol'),
  b('knez petrol', 'transport', 'knez petrol'),
  b('cargo', 'transport', 'cargo', 'car go'),
  b('yandex go', 'transport', 'yandex*'),
  b('bolt', 'transport', 'bolt'),
  b('uber', 'transport', 'uber'),
  b('busplus', 'transport', 'busplus', 'bus plus', 'gsp'),
  b('parking servis', 'transport', 'parking servis'),
  b('srbijavoz', 'transport', 'srbijavoz', 'srbija voz', 'beovoz', 'bg voz', 'srbija kargo'),
  b('lasta', 'transport', 'lasta'),
  b('nis ekspres', 'transport', 'nis ekspres', 'nis express'),
  b('air serbia', 'transport', 'air serbia', 'airserbia'),
  b('wizz air', 'transport', 'wizz*'),
  b('ryanair', 'transport', 'ryanair'),
  b('easyjet', 'transport', 'easyjet'),
  b('putevi srbije', 'transport', 'putevi srbije'),
  b('hertz', 'transport', 'hertz'),
  b('avis', 'transport', 'avis'),
  b('naxi taxi', 'transport', 'naxi'),
  k(
    'transport',
    'taksi',
    'taxi',
    'parking',
    'garaz*',
    'putarin*',
    'naplatna stanica',
    'autobusk*',
    'zeleznic*',
    'petrol',
    'benzinsk*',
    'gorivo',
    'rent a car',
    'aerodrom*',
    'airlines',
    'airways',
    'karta za autobus',
    'auto servis',
    'vulkanizer*',
    'tehnicki pregled',
  ),
  h('transport', 'bs', 'voz', 'bas'),

  // Entertainment: cinema, tickets, theatre, games, sport and leisure, betting.
  b('cineplexx', 'entertainment', 'cineplexx', 'cineplex', 'cinepleks', 'arena cineplex'),
  b('cinestar', 'entertainment', 'cinestar'),
  b('tuckwood', 'entertainment', 'tuckwood'),
  b('eventim', 'entertainment', 'eventim'),
  b('tickets.rs', 'entertainment', 'tickets rs', 'tickets'),
  b('gigstix', 'entertainment', 'gigstix'),
  b('steam', 'entertainment', 'steam*'),
  b('playstation', 'entertainment', 'playstation', 'psn'),
  b('xbox', 'entertainment', 'xbox'),
  b('nintendo', 'entertainment', 'nintendo'),
  b('epic games', 'entertainment', 'epic games', 'epicgames'),
  b('mozzart', 'entertainment', 'mozzart*'),
  b('meridianbet', 'entertainment', 'meridian', 'meridianbet'),
  b('maxbet', 'entertainment', 'maxbet'),
  b('soccerbet', 'entertainment', 'soccerbet', 'soccer bet'),
  b('admiralbet', 'entertainment', 'admiralbet', 'admiral bet'),
  b('vulkan', 'entertainment', 'vulkan knjizare', 'vulkan knjizara'),
  b('delfi', 'entertainment', 'delfi', 'delfi knjizare'),
  b('laguna', 'entertainment', 'laguna'),
  k(
    'entertainment',
    'bioskop*',
    'cinema',
    'koncert*',
    'festival',
    'ulaznic*',
    'pozorist*',
    'teatar',
    'atelje',
    'muzej*',
    'zoo',
    'zooloski',
    'bowling',
    'kuglan*',
    'bazen*',
    'sport centar',
    'sportski centar',
    'akva park',
    'aqua park',
    'aquapark',
    'escape room',
    'bilijar*',
    'kladionic*',
    'igraonic*',
    'knjizar*',
    'knjiga',
    'knjige',
    'karting',
    'paintball',
    'opera',
    'filharmonij*',
  ),

  // Subscriptions: streaming, software, cloud, app stores billed monthly.
  b('netflix', 'subscriptions', 'netflix', 'netfliks'),
  b('spotify', 'subscriptions', 'spotify'),
  b('hbo max', 'subscriptions', 'hbo*', 'max com'),
  b('disney+', 'subscriptions', 'disney*', 'dizni*'),
  b('youtube', 'subscriptions', 'youtube*'),
  b('apple', 'subscriptions', 'itunes', 'icloud', 'apple com'),
  b('openai', 'subscriptions', 'openai', 'chatgpt'),
  b('adobe', 'subscriptions', 'adobe'),
  b('deezer', 'subscriptions', 'deezer'),
  b('eon', 'subscriptions', 'eon', 'eon tv'),
  b('arena sport', 'subscriptions', 'arena sport', 'arenasport'),
  b('amazon prime', 'subscriptions', 'amazon prime', 'prime video', 'primevideo'),
  b('linkedin', 'subscriptions', 'linkedin'),
  b('dropbox', 'subscriptions', 'dropbox'),
  b('notion', 'subscriptions', 'notion'),
  b('github', 'subscriptions', 'github'),
  b('duolingo', 'subscriptions', 'duolingo'),
  b('canva', 'subscriptions', 'canva'),
  b('zoom', 'subscriptions', 'zoom', 'zoom us'),
  b('tidal', 'subscriptions', 'tidal'),
  b('audible', 'subscriptions', 'audible'),
  b('patreon', 'subscriptions', 'patreon'),
  b('google one', 'subscriptions', 'google one'),
  k(
    'subscriptions',
    'apple',
    'google',
    'microsoft',
    'msft',
    'msbill',
    'office',
    'pretplat*',
    'subscription*',
    'subscr',
    'premium',
    'prime',
    'clanarin*',
  ),

  // Rent.
  k('rent', 'kirij*', 'zakup*', 'stanarin*', 'najam*', 'najm*', 'rent'),

  // Salary and other earned income (only used for credits).
  k(
    'salary',
    'plata',
    'plate',
    'platu',
    'zarad*',
    'licni dohodak',
    'licnog dohotka',
    'ld',
    'akontacij*',
    'regres*',
    'topli obrok',
    'penzij*',
    'honorar*',
    'bonus*',
    'salary',
    'dnevnic*',
    'neto zarada',
    'primanj*',
    'otpremnin*',
    'prekovremen*',
  ),

  // Transfers: cash, own accounts, people, currency exchange, wallets.
  k(
    'transfer',
    'interni prenos',
    'stedn*',
    'gotovin*',
    'salter*',
    'western union',
    'moneygram',
    'doznak*',
    'swift',
    'pozajmic*',
    'deviz*',
    'kupoprodaj*',
    'menjacnic*',
    'vracen dug',
    'dug',
    'povrat*',
    'povracaj*',
    'pazar*',
    'own account',
    'sopstveni racun',
    'bankomat*',
    'atm',
    'keks pay',
    'ips',
  ),
  b('revolut', 'transfer', 'revolut*'),
  b('wise', 'transfer', 'wise', 'transferwise'),
  c('transfer', 'paypal', 'topup', 'top up', 'add funds', 'skrill', 'payoneer'),
  // From the labelling guide (server/eval/LABELLING.md): payees of every kind it names.
  // Groceries and everyday retail: pharmacies, health, clothing, home goods, electronics, online shops.
  b('jankovic', 'groceries', 'apoteka jankovic'),
  b('zegin', 'groceries', 'zegin'),
  b('dr max', 'groceries', 'dr max', 'drmax'),
  b('apoteka beograd', 'groceries', 'apoteka beograd'),
  b('zara', 'groceries', 'zara'),
  b('h&m', 'groceries', 'h m', 'hm', 'h and m', 'hennes'),
  b('lc waikiki', 'groceries', 'lc waikiki', 'waikiki'),
  b('deichmann', 'groceries', 'deichmann'),
  b('bata', 'groceries', 'bata'),
  b('office shoes', 'groceries', 'office shoes'),
  b('fashion&friends', 'groceries', 'fashion friends', 'fashion and friends'),
  b('bershka', 'groceries', 'bershka'),
  b('pull&bear', 'groceries', 'pull bear', 'pull and bear'),
  b('stradivarius', 'groceries', 'stradivarius'),
  b('mango', 'groceries', 'mango'),
  b('reserved', 'groceries', 'reserved'),
  b('sinsay', 'groceries', 'sinsay'),
  b('c&a', 'groceries', 'c a', 'c and a'),
  b('new yorker', 'groceries', 'new yorker'),
  b('sport vision', 'groceries', 'sport vision', 'sportvision'),
  b('intersport', 'groceries', 'intersport'),
  b('buzz', 'groceries', 'buzz sneaker*', 'buzz'),
  b('n sport', 'groceries', 'n sport'),
  b('decathlon', 'groceries', 'decathlon'),
  b('ikea', 'groceries', 'ikea'),
  b('jysk', 'groceries', 'jysk'),
  b('emmezeta', 'groceries', 'emmezeta'),
  b('pevex', 'groceries', 'pevex'),
  b('lesnina', 'groceries', 'lesnina', 'xxxlesnina', 'xxxl'),
  b('forma ideale', 'groceries', 'forma ideale'),
  b('home centar', 'groceries', 'home centar'),
  b('gigatron', 'groceries', 'gigatron'),
  b('tehnomanija', 'groceries', 'tehnomanija'),
  b('winwin', 'groceries', 'winwin', 'win win'),
  b('emmi', 'groceries', 'emmi'),
  b('comtrade', 'groceries', 'comtrade shop', 'ct shop'),
  b('ananas', 'groceries', 'ananas'),
  b('aliexpress', 'groceries', 'aliexpress', 'ali express', 'alibaba'),
  b('temu', 'groceries', 'temu'),
  b('shein', 'groceries', 'shein'),
  b('amazon', 'groceries', 'amazon', 'amzn', 'amazon mktp', 'amzn mktp'),
  b('ebay', 'groceries', 'ebay'),
  b('douglas', 'groceries', 'douglas'),
  b('jasmin', 'groceries', 'jasmin parfimerij*'),
  b('kupujemprodajem', 'groceries', 'kupujemprodajem', 'kupujem prodajem'),
  k(
    'groceries',
    'butik*',
    'obuc*',
    'odec*',
    'konfekcij*',
    'tekstil*',
    'namestaj*',
    'elektronik*',
    'tehnik*',
    'ordinacij*',
    'stomatolo*',
    'zubar*',
    'poliklinik*',
    'klinik*',
    'laboratorij*',
    'optik*',
    'cvecar*',
    'kiosk*',
    'pet shop',
    'petshop',
    'parfimerij*',
    'drogerij*',
    'bazar',
    'boutique',
    'shop',
    'store',
    'dom zdravlja',
    'mesar*',
    'mlekar*',
    'hemija',
    'kozmetik*',
    'farmacij*',
    'pharmacy',
    'supermarket*',
    'hipermarket*',
  ),
  // Dining.
  b('hleb i kifle', 'dining', 'hleb i kifle'),
  b('pekabeta', 'dining', 'pekabeta'),
  b('mlinar', 'dining', 'mlinar'),
  b('trpkovic', 'dining', 'trpkovic'),
  b('dominos', 'dining', 'dominos', 'domino s', 'dominos pizza'),
  b('pizza hut', 'dining', 'pizza hut'),
  b('costa coffee', 'dining', 'costa coffee'),
  b('gloria jeans', 'dining', 'gloria jeans', 'gloria jean s'),
  b('coffee dream', 'dining', 'coffee dream'),
  b('loving hut', 'dining', 'loving hut'),
  b('ciao', 'dining', 'ciao'),
  k(
    'dining',
    'kafan*',
    'kafeterij*',
    'kafic*',
    'caffe*',
    'cafe*',
    'kafe*',
    'cevabdzinic*',
    'pljeskavic*',
    'rostilj*',
    'gril*',
    'restoran*',
    'pekar*',
    'picerij*',
    'pizzeri*',
    'poslastic*',
    'slatkis*',
    'torte',
    'kolaci',
    'menza',
    'kantina',
    'dzem bar',
    'lounge',
    'brasserie',
    'bistro*',
    'bar',
    'pub',
    'tavern*',
    'konoba',
    'splav',
    'kebab*',
    'doner*',
    'wok',
    'noodle*',
    'ramen',
    'fast food',
    'street food',
    'catering',
    'ketering',
  ),
  // Transport.
  b('pink taxi', 'transport', 'pink taxi', 'pink taksi'),
  b('beotaxi', 'transport', 'beotaxi', 'beo taxi'),
  b('lux taxi', 'transport', 'lux taxi'),
  b('flixbus', 'transport', 'flixbus', 'flix bus'),
  b('amss', 'transport', 'amss'),
  b('avia', 'transport', 'avia'),
  b('shell', 'transport', 'shell'),
  b('petrol', 'transport', 'petrol'),
  b('aerodrom nikola tesla', 'transport', 'aerodrom nikola tesla'),
  k(
    'transport',
    'perionic*',
    'autoperionic*',
    'praonic*',
    'autopraonic*',
    'car wash',
    'registracij*',
    'tehnicki pregled',
    'gume',
    'guma',
    'autodelovi',
    'auto delovi',
    'autoservis*',
    'servis vozila',
    'benzin*',
    'dizel',
    'pumpa',
    'sms parking',
    'autobus*',
    'prevoz*',
    'avio*',
    'letovi',
    'vozna karta',
    'rent car',
  ),
  // Entertainment: hotels and travel, gyms and sport, betting, books.
  b('booking.com', 'entertainment', 'booking', 'booking com'),
  b('airbnb', 'entertainment', 'airbnb'),
  b('fitpass', 'entertainment', 'fitpass'),
  b('golds gym', 'entertainment', 'golds gym', 'gold s gym'),
  b('balkan bet', 'entertainment', 'balkan bet', 'balkanbet'),
  b('lutrija srbije', 'entertainment', 'lutrija*'),
  b('oktagon', 'entertainment', 'oktagon'),
  b('pinbet', 'entertainment', 'pinbet'),
  k(
    'entertainment',
    'hotel*',
    'hostel*',
    'apartman*',
    'smestaj*',
    'motel',
    'fitnes*',
    'fitness*',
    'teretan*',
    'gym',
    'yoga',
    'joga',
    'pilates',
    'crossfit',
    'sportski klub',
    'teniski*',
    'tenis',
    'skijaliste*',
    'ski pass',
    'ski centar',
    'spa',
    'wellness',
    'kladionic*',
    'bet',
    'kazino',
    'casino',
    'turisticka agencija',
    'turist*',
    'putovanj*',
    'zoo vrt',
    'luna park',
    'igraonica',
  ),
  // Subscriptions.
  b('google play', 'subscriptions', 'google play'),
  b('apple music', 'subscriptions', 'apple music'),
  b('apple tv', 'subscriptions', 'apple tv'),
  b('microsoft 365', 'subscriptions', 'microsoft 365', 'office 365', 'm365'),
  b('anthropic', 'subscriptions', 'anthropic', 'claude ai'),
  b('midjourney', 'subscriptions', 'midjourney'),
  b('grammarly', 'subscriptions', 'grammarly'),
  b('nordvpn', 'subscriptions', 'nordvpn'),
  b('expressvpn', 'subscriptions', 'expressvpn'),
  b('proton', 'subscriptions', 'proton'),
  b('strava', 'subscriptions', 'strava'),
  b('tinder', 'subscriptions', 'tinder'),
  b('bumble', 'subscriptions', 'bumble'),
  b('twitch', 'subscriptions', 'twitch'),
  b('crunchyroll', 'subscriptions', 'crunchyroll'),
  b('paramount+', 'subscriptions', 'paramount*'),
  b('sk premium', 'subscriptions', 'sk premium', 'superkombi*'),
  b('cursor', 'subscriptions', 'cursor'),
  b('1password', 'subscriptions', '1password'),
  b('evernote', 'subscriptions', 'evernote'),
  b('slack', 'subscriptions', 'slack'),
  b('figma', 'subscriptions', 'figma'),
  b('jetbrains', 'subscriptions', 'jetbrains'),
  b('icloud', 'subscriptions', 'icloud*'),
  b('google storage', 'subscriptions', 'google storage'),
  // Utilities: insurance, taxes and public fees, schools and kindergartens, more telecoms.
  b('dunav osiguranje', 'utilities', 'dunav osiguranj*'),
  b('ddor', 'utilities', 'ddor'),
  b('generali', 'utilities', 'generali'),
  b('wiener', 'utilities', 'wiener*'),
  b('uniqa', 'utilities', 'uniqa'),
  b('triglav', 'utilities', 'triglav'),
  b('grawe', 'utilities', 'grawe'),
  b('sava osiguranje', 'utilities', 'sava osiguranj*'),
  b('supernova', 'utilities', 'supernova'),
  b('eunet', 'utilities', 'eunet'),
  b('telemach', 'utilities', 'telemach'),
  b('rzzo', 'utilities', 'rzzo'),
  b('poreska uprava', 'utilities', 'poreska uprava', 'poreska*'),
  b('elektroprivreda srbije', 'utilities', 'elektroprivreda srbije'),
  k(
    'utilities',
    'osiguranj*',
    'porez*',
    'taks*',
    'kazn*',
    'prekrsaj*',
    'vrtic*',
    'predskolsk*',
    'skolarin*',
    'skola',
    'fakultet*',
    'upravnik*',
    'zajednica stanara',
    'stambena*',
    'kablovsk*',
    'mobilni racun',
    'telefon*',
    'toplifikacij*',
    'grejanj*',
    'vodovod*',
    'kanalizacij*',
    'odvoz smeca',
    'smece',
    'lokalna poreska administracija',
    'lpa',
  ),
  // Transfers: fees, loans, savings, exchange.
  k(
    'transfer',
    'provizij*',
    'naknada za vodjenje*',
    'naknada za odrzavanje*',
    'naknada banke',
    'bankarsk*',
    'clanarina za karticu',
    'godisnja clanarina kartice',
    'rata kredita',
    'rata*',
    'kredit*',
    'otplat*',
    'stednj*',
    'orocen*',
    'kamat*',
    'menjacnic*',
    'konverzij*',
    'kupovina deviza',
    'prodaja deviza',
    'pozajmic*',
    'povrat*',
    'refund*',
    'reklamacij*',
    'vracanje',
    'dug*',
    'bank fee',
    'fee',
    'charge',
    'own account',
  ),
];

const WEIGHT: Readonly<Record<MatchStrength, number>> = { brand: 3, keyword: 2, hint: 1, channel: 0 };

interface CompiledPattern {
  entry: MerchantEntry;
  words: readonly string[];
  /** Last word is a stem matched by prefix. */
  stem: boolean;
  score: number;
}

/** Exact patterns by first token; stem patterns of one word by stem. */
const BY_FIRST_TOKEN = new Map<string, CompiledPattern[]>();
const BY_STEM = new Map<string, CompiledPattern[]>();
let minStem = Infinity;
let maxStem = 0;

for (const entry of MERCHANTS) {
  for (const pattern of entry.patterns) {
    const stem = pattern.endsWith('*');
    const words = (stem ? pattern.slice(0, -1) : pattern).split(' ');
    // Longer phrases are more specific; strength dominates length.
    const compiled: CompiledPattern = {
      entry,
      words,
      stem,
      score: WEIGHT[entry.strength] * 10 + words.length,
    };
    if (stem && words.length === 1) {
      const key = words[0] as string;
      minStem = Math.min(minStem, key.length);
      maxStem = Math.max(maxStem, key.length);
      push(BY_STEM, key, compiled);
    } else {
      push(BY_FIRST_TOKEN, words[0] as string, compiled);
    }
  }
}

function push(map: Map<string, CompiledPattern[]>, key: string, value: CompiledPattern): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function phraseMatches(tokens: readonly string[], at: number, p: CompiledPattern): boolean {
  const words = p.words;
  if (at + words.length > tokens.length) return false;
  const last = words.length - 1;
  for (let j = 0; j < last; j++) {
    if (tokens[at + j] !== words[j]) return false;
  }
  const token = tokens[at + last] as string;
  const word = words[last] as string;
  return p.stem ? token.startsWith(word) : token === word;
}

const NO_CANDIDATES: readonly CompiledPattern[] = [];
/**
 * Patterns that can start at a token (exact first word, or a one-word stem it begins with),
 * memoised: statement vocabularies repeat heavily, so most tokens cost one map lookup. The cache
 * is cleared when full rather than evicting, which keeps it simple and bounded.
 */
const candidateCache = new Map<string, readonly CompiledPattern[]>();
const CANDIDATE_CACHE_LIMIT = 50_000;

function candidatesFor(token: string): readonly CompiledPattern[] {
  const cached = candidateCache.get(token);
  if (cached !== undefined) return cached;
  let found: CompiledPattern[] | null = null;
  const exact = BY_FIRST_TOKEN.get(token);
  if (exact !== undefined) found = [...exact];
  const upTo = Math.min(maxStem, token.length);
  for (let len = minStem; len <= upTo; len++) {
    const stems = BY_STEM.get(token.slice(0, len));
    if (stems !== undefined) found = found === null ? [...stems] : found.concat(stems);
  }
  const result = found ?? NO_CANDIDATES;
  if (candidateCache.size >= CANDIDATE_CACHE_LIMIT) candidateCache.clear();
  candidateCache.set(token, result);
  return result;
}

export interface MerchantMatch {
  entry: MerchantEntry;
  score: number;
}

/**
 * Best dictionary match in the tokens, optionally ignoring one category (salary words on a debit
 * say nothing) or looking at one category only. Cost is a few map lookups per token regardless of dictionary size. Ties go to the
 * earliest match, so the result is deterministic.
 */
export function findMerchant(
  tokens: readonly string[],
  exclude: Category | null = null,
  only: Category | null = null,
): MerchantMatch | null {
  let best: CompiledPattern | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const candidates = candidatesFor(token);
    for (let j = 0; j < candidates.length; j++) {
      const p = candidates[j] as CompiledPattern;
      if (
        (best !== null && p.score <= best.score) ||
        p.entry.category === exclude ||
        (only !== null && p.entry.category !== only)
      )
        continue;
      if (p.stem && p.words.length === 1 ? true : phraseMatches(tokens, i, p)) best = p;
    }
  }
  return best === null ? null : { entry: best.entry, score: best.score };
}

/** Common Serbian first names (normalised), to recognise payments to people. */
export const FIRST_NAMES: ReadonlySet<string> = new Set([
  'marko',
  'nikola',
  'stefan',
  'milan',
  'nemanja',
  'aleksandar',
  'dragan',
  'zoran',
  'goran',
  'dejan',
  'milos',
  'petar',
  'jovan',
  'luka',
  'filip',
  'dusan',
  'vladimir',
  'ivan',
  'srdjan',
  'bojan',
  'uros',
  'lazar',
  'vuk',
  'djordje',
  'mihajlo',
  'aleksa',
  'ognjen',
  'dimitrije',
  'nenad',
  'sasa',
  'predrag',
  'miroslav',
  'branko',
  'slobodan',
  'zeljko',
  'dragan',
  'darko',
  'vladan',
  'igor',
  'dalibor',
  'mladen',
  'radovan',
  'zivorad',
  'milorad',
  'miodrag',
  'veljko',
  'ana',
  'jelena',
  'milica',
  'marija',
  'jovana',
  'ivana',
  'dragana',
  'snezana',
  'tamara',
  'milena',
  'sanja',
  'jasmina',
  'katarina',
  'teodora',
  'sara',
  'anja',
  'nina',
  'maja',
  'vesna',
  'gordana',
  'biljana',
  'svetlana',
  'tijana',
  'nevena',
  'andjela',
  'natasa',
  'mirjana',
  'marina',
  'danijela',
  'ljiljana',
  'olivera',
  'dusica',
  'aleksandra',
  'kristina',
  'sofija',
  'mina',
  'isidora',
  'jana',
  'ema',
  'vanja',
  'bojana',
  'suzana',
  'zorica',
  'radmila',
  'slavica',
]);

/**
 * Belgian cities and larger municipalities by province, with the postcode ranges of the
 * province, because Belgian postcodes are grouped by province. Switzerland, Austria, Denmark,
 * Norway and Luxembourg also write four-digit postcodes, so a locality counts as Belgian only
 * when its city is listed here and its postcode lies in that city's province. Large cities are
 * listed under their Dutch, French, German and English names.
 */
// NOTE: the list covers the provincial capitals and the larger towns, not every municipality.
// A missing village gets its country from the other hints: a country line, a legal form, the
// e-mail domain, the language or the user's default country.
const PROVINCES: { ranges: [number, number][]; cities: string[] }[] = [
  {
    // Brussels-Capital Region.
    ranges: [[1000, 1299]],
    cities: [
      'Brussel', 'Bruxelles', 'Brussels', 'Brüssel', 'Laken', 'Laeken', 'Schaarbeek', 'Schaerbeek', 'Etterbeek', 'Elsene', 'Ixelles',
      'Sint-Gillis', 'Saint-Gilles', 'Anderlecht', 'Molenbeek', 'Sint-Jans-Molenbeek', 'Molenbeek-Saint-Jean', 'Koekelberg',
      'Sint-Agatha-Berchem', 'Berchem-Sainte-Agathe', 'Ganshoren', 'Jette', 'Neder-Over-Heembeek', 'Haren', 'Evere',
      'Sint-Pieters-Woluwe', 'Woluwe-Saint-Pierre', 'Sint-Lambrechts-Woluwe', 'Woluwe-Saint-Lambert', 'Oudergem', 'Auderghem',
      'Watermaal-Bosvoorde', 'Watermael-Boitsfort', 'Ukkel', 'Uccle', 'Vorst', 'Forest', 'Sint-Joost-ten-Node', 'Saint-Josse-ten-Noode',
    ],
  },
  {
    // Walloon Brabant.
    ranges: [[1300, 1499]],
    cities: [
      'Wavre', 'Waver', 'Rixensart', 'Genval', 'Ottignies', 'Louvain-la-Neuve', 'Ottignies-Louvain-la-Neuve', 'Jodoigne', 'Geldenaken',
      'Nivelles', 'Nijvel', 'Waterloo', "Braine-l'Alleud", 'Eigenbrakel', 'Braine-le-Château', 'Tubize', 'Tubeke', 'Perwez', 'Genappe',
    ],
  },
  {
    // Flemish Brabant.
    ranges: [
      [1500, 1999],
      [3000, 3499],
    ],
    cities: [
      'Halle', 'Sint-Pieters-Leeuw', 'Dilbeek', 'Groot-Bijgaarden', 'Asse', 'Zellik', 'Wemmel', 'Vilvoorde', 'Machelen', 'Diegem',
      'Grimbergen', 'Strombeek-Bever', 'Zaventem', 'Kraainem', 'Wezembeek-Oppem', 'Sterrebeek', 'Overijse', 'Tervuren', 'Kortenberg',
      'Leuven', 'Louvain', 'Löwen', 'Heverlee', 'Kessel-Lo', 'Wilsele', 'Herent', 'Rotselaar', 'Haacht', 'Aarschot', 'Diest', 'Tienen',
      'Tirlemont', 'Landen', 'Bertem', 'Lubbeek', 'Zemst', 'Londerzeel', 'Liedekerke', 'Ternat', 'Lennik', 'Gooik', 'Tremelo',
    ],
  },
  {
    // Antwerp.
    ranges: [[2000, 2999]],
    cities: [
      'Antwerpen', 'Anvers', 'Antwerp', 'Berchem', 'Borgerhout', 'Deurne', 'Merksem', 'Ekeren', 'Hoboken', 'Wilrijk', 'Zwijndrecht',
      'Mortsel', 'Edegem', 'Kontich', 'Aartselaar', 'Boechout', 'Wommelgem', 'Wijnegem', 'Schoten', 'Brasschaat', 'Kapellen',
      'Stabroek', 'Kalmthout', 'Essen', 'Zoersel', 'Malle', 'Ranst', 'Lier', 'Nijlen', 'Heist-op-den-Berg', 'Herentals', 'Geel',
      'Mol', 'Turnhout', 'Hoogstraten', 'Arendonk', 'Westerlo', 'Herselt', 'Mechelen', 'Malines', 'Bonheiden', 'Duffel', 'Boom',
      'Willebroek', 'Puurs', 'Puurs-Sint-Amands', 'Bornem', 'Niel', 'Hemiksem', 'Schelle', 'Rumst', 'Sint-Katelijne-Waver',
    ],
  },
  {
    // Limburg.
    ranges: [[3500, 3999]],
    cities: [
      'Hasselt', 'Genk', 'Sint-Truiden', 'Tongeren', 'Bilzen', 'Lanaken', 'Maasmechelen', 'Maaseik', 'Dilsen-Stokkem', 'Diepenbeek',
      'Zonhoven', 'Houthalen-Helchteren', 'Heusden-Zolder', 'Beringen', 'Leopoldsburg', 'Lommel', 'Pelt', 'Neerpelt', 'Overpelt',
      'Bree', 'Peer', 'Tessenderlo', 'Herk-de-Stad', 'Lummen', 'Borgloon', 'Bocholt', 'Hamont-Achel', 'As', 'Opglabbeek',
    ],
  },
  {
    // Liège, including the German-speaking Community.
    ranges: [[4000, 4999]],
    cities: [
      'Liège', 'Luik', 'Lüttich', 'Herstal', 'Seraing', 'Flémalle', 'Ans', 'Chaudfontaine', 'Esneux', 'Visé', 'Wezet', 'Huy', 'Hoei',
      'Waremme', 'Borgworm', 'Verviers', 'Spa', 'Malmedy', 'Stavelot', 'Eupen', 'Kelmis', 'La Calamine', 'Raeren', 'Lontzen',
      'Sankt Vith', 'Sankt-Vith', 'Saint-Vith', 'Bütgenbach', 'Büllingen', 'Amel', 'Burg-Reuland', 'Welkenraedt', 'Dison', 'Theux',
    ],
  },
  {
    // Namur.
    ranges: [[5000, 5999]],
    cities: [
      'Namur', 'Namen', 'Jambes', 'Gembloux', 'Sambreville', 'Andenne', 'Ciney', 'Dinant', 'Philippeville', 'Rochefort', 'Couvin',
      'Fosses-la-Ville', 'Floreffe', 'Profondeville', 'Eghezée',
    ],
  },
  {
    // Hainaut.
    ranges: [
      [6000, 6599],
      [7000, 7999],
    ],
    cities: [
      'Charleroi', 'Marcinelle', 'Gosselies', 'Jumet', 'Montignies-sur-Sambre', 'Châtelet', 'Fleurus', 'Thuin', 'Chimay', 'Mons',
      'Bergen', 'La Louvière', 'Binche', 'Soignies', 'Zinnik', 'Braine-le-Comte', "'s-Gravenbrakel", 'Tournai', 'Doornik',
      'Mouscron', 'Moeskroen', 'Ath', 'Aat', 'Péruwelz', 'Enghien', 'Edingen', 'Lessines', 'Lessen', 'Comines-Warneton',
      'Komen-Waasten', 'Saint-Ghislain', 'Quaregnon', 'Frameries', 'Boussu', 'Leuze-en-Hainaut', 'Ecaussinnes',
    ],
  },
  {
    // Luxembourg province.
    ranges: [[6600, 6999]],
    cities: [
      'Arlon', 'Aarlen', 'Bastogne', 'Bastenaken', 'Marche-en-Famenne', 'Libramont', 'Libramont-Chevigny', 'Neufchâteau', 'Virton',
      'Bouillon', 'Durbuy', 'Vielsalm', 'Houffalize', 'Florenville', 'Aubange', 'Messancy',
    ],
  },
  {
    // West Flanders.
    ranges: [[8000, 8999]],
    cities: [
      'Brugge', 'Bruges', 'Brügge', 'Sint-Andries', 'Sint-Michiels', 'Assebroek', 'Oostkamp', 'Zedelgem', 'Jabbeke', 'Beernem',
      'Oostende', 'Ostend', 'Ostende', 'Middelkerke', 'Bredene', 'De Haan', 'Blankenberge', 'Knokke', 'Knokke-Heist', 'Zeebrugge',
      'Nieuwpoort', 'Koksijde', 'De Panne', 'Veurne', 'Diksmuide', 'Ieper', 'Ypres', 'Poperinge', 'Kortrijk', 'Courtrai',
      'Harelbeke', 'Kuurne', 'Zwevegem', 'Deerlijk', 'Waregem', 'Wevelgem', 'Menen', 'Menin', 'Wervik', 'Roeselare', 'Roulers',
      'Izegem', 'Ingelmunster', 'Tielt', 'Torhout', 'Lichtervelde', 'Kortemark', 'Staden', 'Ardooie', 'Moorslede',
    ],
  },
  {
    // East Flanders.
    ranges: [[9000, 9999]],
    cities: [
      'Gent', 'Gand', 'Ghent', 'Mariakerke', 'Drongen', 'Sint-Amandsberg', 'Ledeberg', 'Gentbrugge', 'Sint-Denijs-Westrem', 'Zwijnaarde',
      'Merelbeke', 'Destelbergen', 'Lochristi', 'Melle', 'Evergem', 'Zelzate', 'Eeklo', 'Maldegem', 'Deinze', 'Nazareth', 'De Pinte',
      'Sint-Martens-Latem', 'Lokeren', 'Sint-Niklaas', 'Temse', 'Beveren', 'Kruibeke', 'Hamme', 'Zele', 'Dendermonde', 'Termonde',
      'Wetteren', 'Wichelen', 'Lede', 'Aalst', 'Alost', 'Erpe-Mere', 'Ninove', 'Geraardsbergen', 'Grammont', 'Zottegem', 'Oudenaarde',
      'Audenarde', 'Ronse', 'Renaix', 'Kruisem', 'Zulte', 'Assenede', 'Wachtebeke', 'Moerbeke', 'Stekene', 'Sint-Gillis-Waas',
    ],
  },
];

let cityProvinces: Map<string, { ranges: [number, number][] }[]> | undefined;

function buildCityIndex(): Map<string, { ranges: [number, number][] }[]> {
  const index = new Map<string, { ranges: [number, number][] }[]>();
  for (const province of PROVINCES) {
    for (const city of province.cities) {
      const key = foldCityName(city);
      index.set(key, [...(index.get(key) ?? []), province]);
    }
  }
  return index;
}

/** Folds a city name for lookups: lower case, without accents, hyphens and apostrophes as spaces. */
function foldCityName(city: string): string {
  return city
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim();
}

/** Tells whether a four-digit postcode and city name a Belgian locality, such as "2000 Antwerpen". */
export function isBelgianLocality(zip: string, city: string): boolean {
  if (!/^\d{4}$/.test(zip)) return false;
  const postcode = Number(zip);
  cityProvinces ??= buildCityIndex();
  const provinces = cityProvinces.get(foldCityName(city)) ?? [];
  return provinces.some((province) => province.ranges.some(([first, last]) => postcode >= first && postcode <= last));
}

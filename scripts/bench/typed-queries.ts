/**
 * ~30 things a reader types, from the real corpus in data/*.json (the synthetic corpus samples its
 * vocabulary from it); multi-word entries are typed across the space. Shared by the search
 * benchmarks, so their first-search figures are over the same queries.
 */
export const TYPED_QUERIES = [
  'tajikistan',
  'ukraine',
  'earthquake',
  'government',
  'parliament',
  'ceasefire',
  'election',
  'netanyahu',
  'zelenskyy',
  'biden',
  'putin',
  'gaza strip',
  'kyrgyzstan',
  'wildfires',
  'vaccination',
  'hurricane',
  'sanctions',
  'football',
  'referendum',
  'nuclear',
  'embassy',
  'hospital',
  'investigation',
  'turkiye',
  'quebec',
  'curacao',
  'sao tome',
  'тюмень',
  'magnitogorsk',
  'prime minister',
]

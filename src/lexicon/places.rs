//! The gazetteer: place names and zone abbreviations → time zones (`rules/data/places.tsv`,
//! `rules/data/zone-abbreviations.tsv`).

use chrono_tz::Tz;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const PLACES: &str = include_str!("../../rules/data/places.tsv");
const ABBREVIATIONS: &str = include_str!("../../rules/data/zone-abbreviations.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    City,
    Country,
    /// A country spanning several UTC offsets: its zone is its capital's.
    CountryMulti,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub name: &'static str,
    pub kind: PlaceKind,
    pub country: &'static str,
    pub zone: Tz,
    pub population: u64,
}

#[derive(Debug, Clone, Copy)]
pub struct Abbreviation {
    pub offset_minutes: i32,
    pub zone_hint: Tz,
    pub ambiguous: bool,
}

pub struct Gazetteer {
    places: HashMap<&'static str, Vec<Place>>,
    /// Country names → ISO code.
    country_codes: HashMap<&'static str, &'static str>,
    /// Each abbreviation's meanings (one, or several rows marked `ambiguous`).
    abbreviations: HashMap<&'static str, Vec<Abbreviation>>,
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut places: HashMap<&'static str, Vec<Place>> = HashMap::default();
        let mut country_codes = HashMap::default();
        for line in super::data_lines(PLACES).skip(1) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 5 {
                continue;
            }
            let kind = match f[1] {
                "city" => PlaceKind::City,
                "country" => PlaceKind::Country,
                "country-multi" => PlaceKind::CountryMulti,
                _ => continue,
            };
            let Ok(zone) = f[3].parse::<Tz>() else {
                continue;
            };
            if kind != PlaceKind::City {
                country_codes.insert(f[0], f[2]);
            }
            places.entry(f[0]).or_default().push(Place {
                name: f[0],
                kind,
                country: f[2],
                zone,
                population: f[4].parse().unwrap_or(0),
            });
        }
        let mut abbreviations = HashMap::default();
        for line in super::data_lines(ABBREVIATIONS).skip(1) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            let (Ok(offset_minutes), Ok(zone_hint)) = (f[1].parse::<i32>(), f[2].parse::<Tz>())
            else {
                continue;
            };
            abbreviations
                .entry(f[0])
                .or_insert_with(Vec::new)
                .push(Abbreviation {
                    offset_minutes,
                    zone_hint,
                    ambiguous: f[3].starts_with("ambiguous"),
                });
        }
        Gazetteer {
            places,
            country_codes,
            abbreviations,
        }
    })
}

impl Gazetteer {
    /// All places called `name`.
    pub fn lookup(&self, name: &str) -> &[Place] {
        /// Spellings English copy uses that GeoNames files under another name.
        const ALIASES: &[(&str, &str)] = &[
            ("Ulaanbaatar", "Ulan Bator"),
            ("Naypyidaw", "Nay Pyi Taw"),
            ("Naypyitaw", "Nay Pyi Taw"),
            ("Nur-Sultan", "Astana"),
        ];
        let name = ALIASES
            .iter()
            .find(|(alias, _)| *alias == name)
            .map_or(name, |(_, geonames)| geonames);
        self.places.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn country_code(&self, country_name: &str) -> Option<&'static str> {
        self.country_codes.get(country_name).copied()
    }

    /// The meaning of a zone abbreviation if it has one (`ambiguous` set if it has several:
    /// then the first row's).
    pub fn abbreviation(&self, abbr: &str) -> Option<Abbreviation> {
        self.abbreviations
            .get(abbr)
            .and_then(|v| v.first())
            .copied()
    }

    /// Every meaning of a zone abbreviation.
    pub fn abbreviation_meanings(&self, abbr: &str) -> &[Abbreviation] {
        self.abbreviations.get(abbr).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_loads() {
        let g = gazetteer();
        assert_eq!(
            g.lookup("Moscow").first().map(|p| p.zone),
            Some(Tz::Europe__Moscow)
        );
        assert!(g.lookup("Valencia").len() >= 2);
        assert_eq!(g.country_code("Spain"), Some("ES"));
        assert_eq!(g.abbreviation("CEST").map(|a| a.offset_minutes), Some(120));
        assert!(g.abbreviation("IST").is_some_and(|a| a.ambiguous));
        assert_eq!(g.abbreviation_meanings("IST").len(), 3);
    }
}

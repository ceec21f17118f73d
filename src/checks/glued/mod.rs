//! Glued words: a missing space between two words.

pub mod case_join;
pub mod lower_join;
pub mod name_join;

use crate::article::{Article, TokenKind};
use rustc_hash::FxHashMap as HashMap;

/// How often each word form (and each hyphen-separated part of a word) occurs in the article.
/// Glued-word checks use it to know the article's own names ("Nagorno-Karabakh", "Reuters").
pub fn vocabulary(article: &Article) -> HashMap<&str, usize> {
    let mut v: HashMap<&str, usize> = HashMap::default();
    for t in article.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = article.slice(t.span);
        let w = crate::lexicon::strip_possessive(w);
        *v.entry(w).or_default() += 1;
        if w.contains('-') {
            for part in w.split('-') {
                *v.entry(part).or_default() += 1;
            }
        }
    }
    v
}

/// Words with internal capitals that are written that way: brands, names, units.
pub const CAMEL_CASE: &[&str] = &[
    "iPad",
    "iPhone",
    "iPod",
    "iMac",
    "iOS",
    "iCloud",
    "iTunes",
    "eBay",
    "theScore",
    "theSkimm",
    "eBook",
    "eBooks",
    "easyJet",
    "eToro",
    "eSIM",
    "eSports",
    "eCommerce",
    "McDonald",
    "BlackRock",
    "AstraZeneca",
    "PayPal",
    "PlayStation",
    "LinkedIn",
    "MacBook",
    "YouTube",
    "WhatsApp",
    "TikTok",
    "GlaxoSmithKline",
    "HarperCollins",
    "SoftBank",
    "FedEx",
    "ExxonMobil",
    "BioNTech",
    "AliExpress",
    "WeChat",
    "DreamWorks",
    "SpaceX",
    "BlackBerry",
    "WikiLeaks",
    "JetBlue",
    "OpenAI",
    "DeepMind",
    "PetroChina",
    "ArcelorMittal",
    "PricewaterhouseCoopers",
    "ConocoPhillips",
    "SmithKline",
    "BlackShark",
    "CinemaScope",
    "PowerPoint",
    "JavaScript",
    "GitHub",
    "DoorDash",
    "AirAsia",
    "AirBnb",
    "SkyTeam",
    "StarLink",
    "MasterCard",
    "MoneyGram",
    "NatWest",
    "NetApp",
    "NordVPN",
    "PepsiCo",
    "QuarkXPress",
    "SeaWorld",
    "SolarWinds",
    "TotalEnergies",
    "TripAdvisor",
    "UnitedHealth",
    "VoIP",
    "WestJet",
    "WeWork",
    "XRay",
    "ZipRecruiter",
    "CrowdStrike",
    "CoinDesk",
    "CoinBase",
    "DuPont",
    "EuroNews",
    "FreeBSD",
    "GoFundMe",
    "GoPro",
    "HuffPost",
    "InterContinental",
    "JetStar",
    "KiwiSaver",
    "LastPass",
    "LiveJournal",
    "MediaMarkt",
    "MySpace",
    "NovaTech",
    "PostNL",
    "RadioShack",
    "RyanAir",
    "SalesForce",
    "SoundCloud",
    "StarCraft",
    "TeamViewer",
    "ThyssenKrupp",
    "TuSimple",
    "UniCredit",
    "VfB",
    "WorldCom",
    "ZoomInfo",
    "AstraZeneca's",
    "BlackRock's",
    "McKinsey",
    "McLaren",
    "HarperCollins",
    "NordStream",
    "PetroBras",
    "ChatGPT",
    "SoftBank's",
    "CrossFit",
    "FlixBus",
    "WizzAir",
    "EasyJet",
    "RusHydro",
    "NovaTek",
    "LukOil",
    "GazProm",
    "MegaFon",
    "VimpelCom",
    "YandexGPT",
    "KazMunayGas",
    "UkrEnergo",
    "NaftoGaz",
    "AzerEnerji",
];

/// Name prefixes after which a capital is normal: McDonald, MacArthur, DeSantis, LaGuardia,
/// DiCaprio, VanderMeer, FitzGerald.
pub const NAME_PREFIXES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Vander", "Von", "Der", "Del", "Della",
    "Fitz", "Al", "El", "Ben", "Bin", "Abu", "St", "Ste", "San", "Santa", "Mag", "O", "D", "de",
    "di", "da", "du", "van", "von", "le", "la", "del", "della", "al", "el", "bin", "ibn", "ter",
    "ten", "dos", "das",
];

/// Agencies and credit words that captions glue to the caption text.
pub const CREDIT_WORDS: &[&str] = &[
    "Reuters",
    "Getty",
    "Images",
    "Photo",
    "Photos",
    "Image",
    "Source",
    "Archive",
    "Shutterstock",
    "Alamy",
    "Xinhua",
    "Anadolu",
    "Bloomberg",
    "Abaca",
    "Sputnik",
    "Courtesy",
    "Handout",
    "File",
];

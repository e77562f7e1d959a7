#!/usr/bin/env python3
"""Generate Sources/EntityRecognition/Resources/countries.tsv.

The set of states and their official long names come from Debian's
iso-codes package (/usr/share/iso-codes/json/iso_3166-1.json).  News short
names, extra aliases, demonyms (adjectives) and seats of government come
from the curated table below, written for this project.

Every ISO 3166-1 entry must be either in CURATED or in TERRITORIES_SKIPPED,
so a new ISO release that adds an entry makes this script fail loudly.
Polities that have no ISO 3166-1 code (Kosovo, Northern Cyprus, Somaliland)
use private codes starting with "X" and are added from the table alone.

Output columns (tab-separated, `|` between values inside a column):
    name  aliases  demonyms  seats

Usage:  python3 Scripts/make_countries.py [ISO_JSON] [OUTPUT_TSV]
"""

import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_OUT = os.path.join(
    HERE, "..", "Sources", "EntityRecognition", "Resources", "countries.tsv")

# Dependent territories and uninhabited areas in ISO 3166-1 that are not
# states and rarely act in foreign-policy news.
TERRITORIES_SKIPPED = set("""
AW AI AX AS AQ TF BQ BL BM BV CC CK CW CX KY FK FO GG GI GP GF GU HM IM IO
JE MF MP MS MQ YT NC NF NU PN PR PF RE GS SH SJ PM SX TC TK UM VG VI WF
""".split())

# China's special administrative regions: the guidelines make their governments
# agencies of China, so they live in bodies.tsv, not here.
REGIONS_AS_AGENCIES = {"HK", "MO"}

# ISO-derived names that must never become aliases (misleading or
# politically loaded forms that news does not use).
ISO_NAMES_REJECTED = {
    "Taiwan, Province of China",
    "Holy See (Vatican City State)",
    "Congo",  # ISO short name of the Republic of the Congo; news means the DRC
}

# code <TAB> news name <TAB> aliases <TAB> demonyms <TAB> seats
# Curated for this project.  Codes starting with X are not in ISO 3166-1.
CURATED = """
AF	Afghanistan	Islamic Emirate of Afghanistan	Afghan	Kabul
AL	Albania		Albanian	Tirana
DZ	Algeria		Algerian	Algiers
AD	Andorra		Andorran	Andorra la Vella
AO	Angola		Angolan	Luanda
AG	Antigua and Barbuda	Antigua	Antiguan	St. John's|Saint John's
AR	Argentina	Argentine Republic	Argentine|Argentinian	Buenos Aires|Casa Rosada
AM	Armenia		Armenian	Yerevan
AU	Australia	Commonwealth of Australia	Australian	Canberra
AT	Austria		Austrian	Vienna
AZ	Azerbaijan		Azerbaijani|Azeri	Baku
BS	Bahamas	The Bahamas	Bahamian	Nassau
BH	Bahrain		Bahraini	Manama
BD	Bangladesh		Bangladeshi	Dhaka
BB	Barbados		Barbadian|Bajan	Bridgetown
BY	Belarus	Byelorussia|Belorussia	Belarusian|Belarussian|Belorussian	Minsk
BE	Belgium		Belgian	
BZ	Belize		Belizean	Belmopan
BJ	Benin		Beninese	Porto-Novo|Cotonou
BT	Bhutan		Bhutanese	Thimphu
BO	Bolivia	Plurinational State of Bolivia	Bolivian	La Paz|Sucre
BA	Bosnia and Herzegovina	Bosnia-Herzegovina|Bosnia|BiH	Bosnian	Sarajevo
BW	Botswana		Botswanan|Motswana	Gaborone
BR	Brazil		Brazilian	Brasília|Planalto|Planalto Palace
BN	Brunei	Brunei Darussalam	Bruneian	Bandar Seri Begawan
BG	Bulgaria		Bulgarian	Sofia
BF	Burkina Faso	Burkina	Burkinabe|Burkinabè	Ouagadougou
BI	Burundi		Burundian	Gitega|Bujumbura
CV	Cape Verde	Cabo Verde	Cape Verdean|Cabo Verdean	Praia
KH	Cambodia		Cambodian|Khmer	Phnom Penh
CM	Cameroon		Cameroonian	Yaoundé
CA	Canada		Canadian	Ottawa
CF	Central African Republic	CAR|Centrafrique	Central African	Bangui
TD	Chad		Chadian	N'Djamena|Ndjamena
CL	Chile		Chilean	Santiago|La Moneda
CN	China	PRC|P.R.C.|Mainland China|Communist China	Chinese	Beijing|Zhongnanhai|Peking
CO	Colombia		Colombian	Bogotá|Casa de Nariño
KM	Comoros	Union of the Comoros	Comorian	Moroni
CG	Republic of the Congo	Republic of Congo|Congo-Brazzaville|Congo Republic		Brazzaville
CD	Democratic Republic of the Congo	Democratic Republic of Congo|DRC|D.R.C.|DR Congo|D.R. Congo|Congo-Kinshasa|Congo	Congolese	Kinshasa
CR	Costa Rica		Costa Rican	San José
CI	Ivory Coast	Côte d'Ivoire	Ivorian	Yamoussoukro|Abidjan
HR	Croatia		Croatian|Croat	Zagreb
CU	Cuba		Cuban	Havana
CY	Cyprus		Cypriot|Greek Cypriot	Nicosia
CZ	Czech Republic	Czechia	Czech	Prague
DK	Denmark		Danish	Copenhagen
DJ	Djibouti		Djiboutian
DM	Dominica	Commonwealth of Dominica		Roseau
DO	Dominican Republic		Dominican	Santo Domingo
EC	Ecuador		Ecuadorian|Ecuadorean	Quito
EG	Egypt		Egyptian	Cairo
SV	El Salvador		Salvadoran|Salvadorean	San Salvador
GQ	Equatorial Guinea		Equatorial Guinean|Equatoguinean	Malabo
ER	Eritrea	State of Eritrea	Eritrean	Asmara
EE	Estonia		Estonian	Tallinn
SZ	Eswatini	Swaziland	Swazi|Eswatini	Mbabane|Lobamba
ET	Ethiopia		Ethiopian	Addis Ababa
FJ	Fiji		Fijian	Suva
FI	Finland		Finnish	Helsinki
FR	France		French	Paris|Elysee|Élysée|Elysee Palace|Élysée Palace|Matignon
GA	Gabon		Gabonese	Libreville
GM	Gambia	The Gambia	Gambian	Banjul
GE	Georgia		Georgian	Tbilisi
DE	Germany		German	Berlin
GH	Ghana		Ghanaian	Accra
GR	Greece		Greek|Hellenic	Athens
GD	Grenada		Grenadian	St. George's|Saint George's
GT	Guatemala		Guatemalan	Guatemala City
GN	Guinea	Guinea-Conakry	Guinean	Conakry
GW	Guinea-Bissau		Bissau-Guinean	Bissau
GY	Guyana		Guyanese	Georgetown
HT	Haiti		Haitian	Port-au-Prince
HN	Honduras		Honduran	Tegucigalpa
HU	Hungary		Hungarian	Budapest
IS	Iceland		Icelandic	Reykjavík
IN	India	Bharat	Indian	New Delhi|Delhi
ID	Indonesia		Indonesian	Jakarta|Nusantara
IR	Iran	Islamic Republic	Iranian	Tehran|Teheran
IQ	Iraq		Iraqi	Baghdad
IE	Ireland	Republic of Ireland|Éire	Irish	Dublin
IL	Israel		Israeli	Jerusalem
IT	Italy		Italian	Rome|Palazzo Chigi
JM	Jamaica		Jamaican	Kingston
JP	Japan		Japanese	Tokyo
JO	Jordan		Jordanian	Amman
KZ	Kazakhstan		Kazakh|Kazakhstani	Astana|Nur-Sultan
KE	Kenya		Kenyan	Nairobi
KI	Kiribati		I-Kiribati	Tarawa|South Tarawa
KP	North Korea	DPRK|D.P.R.K.|N. Korea|N Korea	North Korean|N. Korean|N Korean	Pyongyang
KR	South Korea	Republic of Korea|ROK|S. Korea|S Korea|Korea	South Korean|S. Korean|S Korean|Korean	Seoul|Yongsan|Blue House|Cheong Wa Dae
KW	Kuwait		Kuwaiti	Kuwait City
KG	Kyrgyzstan	Kyrgyz Republic|Kirghizia	Kyrgyz|Kyrgyzstani	Bishkek
LA	Laos	Lao PDR	Lao|Laotian	Vientiane
LV	Latvia		Latvian	Riga
LB	Lebanon		Lebanese	Beirut|Baabda
LS	Lesotho		Basotho|Mosotho	Maseru
LR	Liberia		Liberian	Monrovia
LY	Libya	State of Libya	Libyan	Tripoli
LI	Liechtenstein		Liechtensteiner	Vaduz
LT	Lithuania		Lithuanian	Vilnius
LU	Luxembourg		Luxembourgish|Luxembourger
MG	Madagascar		Malagasy	Antananarivo
MW	Malawi		Malawian	Lilongwe
MY	Malaysia		Malaysian	Kuala Lumpur|Putrajaya
MV	Maldives		Maldivian	Malé
ML	Mali		Malian	Bamako
MT	Malta		Maltese	Valletta
MH	Marshall Islands		Marshallese	Majuro
MR	Mauritania		Mauritanian	Nouakchott
MU	Mauritius		Mauritian	Port Louis
MX	Mexico		Mexican	Mexico City
FM	Micronesia	Federated States of Micronesia	Micronesian	Palikir
MD	Moldova		Moldovan	Chișinău|Chisinau|Kishinev
MC	Monaco		Monegasque|Monégasque
MN	Mongolia		Mongolian	Ulaanbaatar|Ulan Bator
ME	Montenegro		Montenegrin	Podgorica
MA	Morocco		Moroccan	Rabat
MZ	Mozambique		Mozambican	Maputo
MM	Myanmar	Burma|Republic of the Union of Myanmar	Burmese	Naypyidaw|Naypyitaw|Nay Pyi Taw
NA	Namibia		Namibian	Windhoek
NR	Nauru		Nauruan	Yaren
NP	Nepal		Nepali|Nepalese	Kathmandu
NL	Netherlands	The Netherlands|Holland	Dutch	Amsterdam|The Hague
NZ	New Zealand	Aotearoa	New Zealand	Wellington
NI	Nicaragua		Nicaraguan	Managua
NE	Niger		Nigerien	Niamey
NG	Nigeria		Nigerian	Abuja|Aso Rock|Aso Villa
MK	North Macedonia	Macedonia|FYROM	North Macedonian|Macedonian	Skopje
NO	Norway		Norwegian	Oslo
OM	Oman		Omani	Muscat
PK	Pakistan		Pakistani	Islamabad
PW	Palau		Palauan	Ngerulmud|Melekeok
PA	Panama		Panamanian	Panama City
PG	Papua New Guinea	PNG	Papua New Guinean	Port Moresby
PY	Paraguay		Paraguayan	Asunción
PE	Peru		Peruvian	Lima
PH	Philippines	The Philippines	Filipino|Philippine	Manila|Malacañang|Malacañang Palace
PL	Poland		Polish	Warsaw
PT	Portugal		Portuguese	Lisbon
QA	Qatar		Qatari	Doha
RO	Romania		Romanian	Bucharest
RU	Russia	Russian Federation	Russian	Moscow|Kremlin|the Kremlin
RW	Rwanda	Republic of Rwanda	Rwandan	Kigali
KN	Saint Kitts and Nevis	St. Kitts and Nevis|St Kitts and Nevis|St. Kitts	Kittitian	Basseterre
LC	Saint Lucia	St. Lucia|St Lucia	Saint Lucian|St. Lucian	Castries
VC	Saint Vincent and the Grenadines	St. Vincent and the Grenadines|St Vincent and the Grenadines|St. Vincent	Vincentian	Kingstown
WS	Samoa		Samoan	Apia
SM	San Marino		Sammarinese
ST	São Tomé and Príncipe	São Tomé	Santomean	São Tomé City
SA	Saudi Arabia	KSA|Kingdom of Saudi Arabia|Saudi	Saudi|Saudi Arabian	Riyadh
SN	Senegal		Senegalese	Dakar
RS	Serbia		Serbian|Serb	Belgrade
SC	Seychelles		Seychellois
SL	Sierra Leone		Sierra Leonean	Freetown
SG	Singapore		Singaporean
SK	Slovakia		Slovak|Slovakian	Bratislava
SI	Slovenia		Slovenian|Slovene	Ljubljana
SB	Solomon Islands	Solomons	Solomon Islander	Honiara
SO	Somalia		Somali	Mogadishu|Villa Somalia
ZA	South Africa	RSA	South African	Pretoria|Cape Town|Union Buildings
SS	South Sudan		South Sudanese	Juba
ES	Spain		Spanish	Madrid|Moncloa
LK	Sri Lanka		Sri Lankan	Colombo|Sri Jayawardenepura Kotte
SD	Sudan		Sudanese	Khartoum|Port Sudan
SR	Suriname	Surinam	Surinamese	Paramaribo
SE	Sweden		Swedish	Stockholm
CH	Switzerland		Swiss	Bern|Berne
SY	Syria		Syrian	Damascus
TJ	Tajikistan		Tajik|Tajikistani	Dushanbe
TZ	Tanzania		Tanzanian	Dodoma|Dar es Salaam
TH	Thailand	Siam	Thai	Bangkok
TL	East Timor	Timor-Leste|Timor Leste	Timorese|East Timorese	Dili
TG	Togo		Togolese	Lomé
TO	Tonga		Tongan	Nuku'alofa
TT	Trinidad and Tobago	Trinidad	Trinidadian|Tobagonian	Port of Spain
TN	Tunisia		Tunisian	Tunis|Carthage
TR	Turkey	Türkiye|Republic of Turkey	Turkish	Ankara
TM	Turkmenistan		Turkmen	Ashgabat
TV	Tuvalu		Tuvaluan	Funafuti
UG	Uganda		Ugandan	Kampala
UA	Ukraine		Ukrainian	Kyiv|Kiev|Bankova
AE	United Arab Emirates	UAE|U.A.E.	Emirati	Abu Dhabi
GB	United Kingdom	UK|U.K.|Britain|Great Britain	British	London|Downing Street|Number 10|No 10|No. 10|Whitehall
US	United States	U.S.|US|USA|U.S.A.|America	American	Washington|Washington, D.C.|Washington D.C.
UY	Uruguay		Uruguayan	Montevideo
UZ	Uzbekistan		Uzbek|Uzbekistani	Tashkent
VU	Vanuatu		Ni-Vanuatu	Port Vila
VA	Vatican	Holy See|Vatican City|Vatican City State
VE	Venezuela		Venezuelan	Caracas|Miraflores Palace
VN	Vietnam	Socialist Republic of Vietnam	Vietnamese	Hanoi
YE	Yemen		Yemeni	Sanaa|Sana'a|Aden
ZM	Zambia		Zambian	Lusaka
ZW	Zimbabwe		Zimbabwean	Harare
PS	Palestine	State of Palestine|Palestinian territories|Palestinian Territories|Occupied Palestinian Territories|Palestinian Authority|Palestinian National Authority	Palestinian	Ramallah
TW	Taiwan	Republic of China|ROC|R.O.C.|Chinese Taipei|Formosa	Taiwanese	Taipei
EH	Western Sahara	Sahrawi Arab Democratic Republic|SADR|Sahrawi Republic	Sahrawi|Saharawi|Western Saharan	Laayoune|El Aaiún
GL	Greenland	Kalaallit Nunaat	Greenlandic	Nuuk
XK	Kosovo	Republic of Kosovo	Kosovar|Kosovan	Pristina|Prishtina|Priština
XNC	Northern Cyprus	Turkish Republic of Northern Cyprus|TRNC|North Cyprus	Turkish Cypriot	North Nicosia|Lefkoşa
XSL	Somaliland	Republic of Somaliland	Somalilander	Hargeisa
"""

# Forms that must not be folded to ASCII because the folded form is an
# ordinary English word ("Male").
NO_ASCII_FOLD = {"Malé"}


def split(col):
    return [v.strip() for v in col.split("|") if v.strip()]


def ascii_fold(s):
    nfkd = unicodedata.normalize("NFKD", s)
    out = "".join(c for c in nfkd if not unicodedata.combining(c))
    return out.replace("ı", "i").replace("ş", "s")


def variants(values):
    """Add ASCII-folded and typographic-apostrophe variants, keep order."""
    out = []
    for v in values:
        for w in (v, ascii_fold(v) if v not in NO_ASCII_FOLD else v):
            for x in (w, w.replace("'", "\u2019")):
                if x not in out:
                    out.append(x)
    return out


def main():
    iso_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_ISO
    out_path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    iso = {e["alpha_2"]: e for e in json.load(open(iso_path, encoding="utf-8"))["3166-1"]}

    rows = []
    seen_codes = set()
    for line in CURATED.strip("\n").split("\n"):
        cols = line.split("\t")
        cols += [""] * (5 - len(cols))
        code, name, aliases, demonyms, seats = cols
        assert code not in seen_codes, code
        seen_codes.add(code)
        alias_list = split(aliases)
        if not code.startswith("X"):
            e = iso.get(code)
            if e is None:
                sys.exit(f"curated code {code} not in {iso_path}")
            for k in ("name", "official_name", "common_name"):
                v = e.get(k, "")
                if v.lower().startswith("the "):
                    v = v[4:]
                if (not v or v in ISO_NAMES_REJECTED or "," in v or "(" in v
                        or v == name):
                    continue
                if v not in alias_list:
                    alias_list.append(v)
        alias_list = [a for a in variants(alias_list) if a != name]
        rows.append((name, alias_list, variants(split(demonyms)), variants(split(seats))))

    missing = set(iso) - seen_codes - TERRITORIES_SKIPPED - REGIONS_AS_AGENCIES
    if missing:
        sys.exit("ISO entries neither curated nor skipped: " + " ".join(sorted(missing)))

    # Every surface form must point to exactly one country.
    owner = {}
    for name, aliases, demonyms, seats in rows:
        for form in [name] + aliases + demonyms + seats:
            if form in owner and owner[form] != name:
                sys.exit(f"form {form!r} used by {owner[form]} and {name}")
            owner[form] = name

    rows.sort(key=lambda r: ascii_fold(r[0]).lower())
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# countries.tsv - GENERATED by Scripts/make_countries.py; do not edit by hand.\n")
        f.write("# States from Debian iso-codes (ISO 3166-1) plus Kosovo, Northern Cyprus, Somaliland;\n")
        f.write("# news names, aliases, demonyms and seats from the curated table in the script.\n")
        f.write("# name\taliases\tdemonyms\tseats\n")
        for name, aliases, demonyms, seats in rows:
            f.write("\t".join([name, "|".join(aliases), "|".join(demonyms), "|".join(seats)]).rstrip("\t") + "\n")
    print(f"wrote {len(rows)} countries to {os.path.normpath(out_path)}")


if __name__ == "__main__":
    main()

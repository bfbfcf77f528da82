//! The parties the bot knows without configuration: ids, display names and the words
//! (demonyms, capitals, leaders, institutions, other-language names) that point at them.

/// Parties that are one armed side of a war fought among one people, not that people:
/// civilians hit in Sudan are not the Sudanese army's dead, nor is a place in Myanmar
/// the junta's.
pub(crate) const ARMED_FACTIONS: &[&str] = &[
    "sudan",
    "rsf",
    "myanmar",
    "tigray",
    "m23",
    "hamas",
    "hezbollah",
    "isis",
    "al-shabaab",
    "boko-haram",
    "kurds",
];

/// `(id, name, aliases)`. An alias written in capitals of at most four letters ("US",
/// "UN") only matches text written the same way, so the pronoun "us" is never a party.
#[rustfmt::skip]
pub(crate) const PARTIES: &[(&str, &str, &[&str])] = &[
    ("armenia", "Armenia", &[
        "Armenia", "Armenian", "Armenians", "Yerevan", "Pashinyan", "Pashinian",
        "Nikol Pashinyan", "Nikol Pashinian", "Mirzoyan", "Ararat Mirzoyan", "Papikyan",
        "Suren Papikyan", "Republic of Armenia", "Հայաստան", "Hayastan", "Армения",
        "Ереван", "Ermənistan", "Armenien", "Arménie", "Arménia", "Երևան",
    ]),
    ("karabakh", "Karabakh ethnic-Armenian authorities", &[
        "Artsakh", "Stepanakert", "Nagorno-Karabakh authorities", "Karabakh authorities",
        "Karabakh's Armenian authorities", "Karabakh's ethnic Armenian authorities",
        "Karabakh's separatist authorities", "Karabakh's de facto authorities",
        "Karabakh officials", "Karabakh leader", "Karabakh leadership", "Karabakh government",
        "Karabakh separatists", "Karabakh Armenians", "Karabakh Defense Army",
        "Karabakh Defence Army", "Karabakh police", "Nagorno-Karabakh Republic", "NKR",
        "Artsakh Defense Army", "ethnic Armenian", "ethnic Armenians",
        "ethnic Armenian authorities", "ethnic Armenian separatists", "Arayik Harutyunyan",
        "Harutyunyan", "Samvel Shahramanyan", "Shahramanyan", "Ruben Vardanyan",
        "Xankəndi", "Khankendi", "Степанакерт", "Ханкенди",
    ]),
    ("azerbaijan", "Azerbaijan", &[
        "Azerbaijan", "Azerbaijani", "Azerbaijanis", "Azeri", "Azeris", "Baku", "Aliyev",
        "Ilham Aliyev", "Bayramov", "Jeyhun Bayramov", "Hikmet Hajiyev", "Hajiyev",
        "Azərbaycan", "Азербайджан", "Ադրբեջան", "Republic of Azerbaijan",
        "Баку", "Bakı", "Aserbaidschan", "Azerbaïdjan",
    ]),
    ("russia", "Russia", &[
        "Russia", "Russian", "Russians", "Moscow", "Kremlin", "Putin", "Vladimir Putin",
        "Peskov", "Dmitry Peskov", "Zakharova", "Maria Zakharova", "Lavrov", "Sergei Lavrov",
        "Shoigu", "Sergei Shoigu", "Konashenkov", "Igor Konashenkov", "Medvedev", "Belousov",
        "Gerasimov", "Russian Federation", "Belgorod", "Kursk", "St. Petersburg", "Россия",
        "Rossiya", "Wagner",
        "Москва", "Кремль", "Rusiya", "Moskva", "Ռուսաստան", "Russland", "Russie",
        "Russian peacekeeping contingent", "Russian peacekeepers", "peacekeeping contingent",
    ]),
    ("us", "United States", &[
        "US", "U.S.", "U.S", "USA", "United States", "American", "Americans", "Washington",
        "White House", "Pentagon", "State Department", "Biden", "Joe Biden", "Trump",
        "Donald Trump", "Blinken", "Antony Blinken", "Rubio", "Lloyd Austin", "John Kirby",
        "Matthew Miller",
    ]),
    ("eu", "European Union", &[
        "EU", "E.U.", "European Union", "Brussels", "European Commission", "Borrell",
        "Josep Borrell", "von der Leyen", "Ursula von der Leyen", "Charles Michel", "Kallas",
        "Kaja Kallas", "Toivo Klaar", "European Council",
    ]),
    ("un", "United Nations", &[
        "UN", "U.N.", "U.N", "United Nations", "Guterres", "Antonio Guterres", "UNICEF",
        "UNHCR", "UNRWA", "OCHA", "UNIFIL", "UNMISS", "MONUSCO", "World Food Programme", "WFP",
        "WHO", "World Health Organization", "Security Council", "Dujarric",
        "International Organization for Migration", "IOM",
        "Stephane Dujarric", "Türk", "Volker Türk",
    ]),
    ("turkey", "Turkey", &[
        "Turkey", "Türkiye", "Turkiye", "Turkish", "Turks", "Ankara", "Erdogan", "Erdoğan",
        "Recep Tayyip Erdogan", "Fidan", "Hakan Fidan", "Cavusoglu", "Çavuşoğlu",
    ]),
    ("iran", "Iran", &[
        "Iran", "Iranian", "Iranians", "Tehran", "Khamenei", "Raisi", "Pezeshkian", "Araghchi",
        "Amirabdollahian", "Kanaani", "IRGC", "Revolutionary Guards", "ایران",
    ]),
    ("france", "France", &[
        "France", "French", "Paris", "Elysee", "Élysée", "Macron", "Emmanuel Macron",
        "Quai d'Orsay", "Colonna", "Séjourné", "Barrot",
    ]),
    ("ukraine", "Ukraine", &[
        "Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kiev", "Zelensky", "Zelenskyy",
        "Zelenskiy", "Kharkiv", "Odesa", "Odessa", "Lviv", "Dnipro", "Zaporizhzhia", "Kherson",
        "Mykolaiv", "Sumy", "Chernihiv", "Avdiivka", "Volodymyr Zelensky",
        "Volodymyr Zelenskyy", "Kuleba", "Dmytro Kuleba", "Sybiha", "Syrskyi", "Zaluzhnyi",
        "Umerov", "Reznikov", "Ihnat", "Україна", "Украина",
    ]),
    ("israel", "Israel", &[
        "Israel", "Israeli", "Israelis", "Jerusalem", "Tel Aviv", "Haifa", "Sderot",
        "Ashkelon", "Netanyahu", "Benjamin Netanyahu", "Gallant", "Yoav Gallant", "Katz",
        "IDF", "Israel Defense Forces", "Hagari", "Daniel Hagari", "Herzog", "ישראל",
    ]),
    ("palestinians", "Palestinians", &[
        "Palestinian", "Palestinians", "Palestine", "Palestinian Authority", "Gaza", "Gazan",
        "Gazans", "Rafah", "Khan Younis", "Jabalia", "Nablus", "Jenin", "Hebron", "Ramallah",
        "Abbas", "Mahmoud Abbas", "West Bank", "PA",
    ]),
    ("hamas", "Hamas", &[
        "Hamas", "Qassam Brigades", "al-Qassam Brigades", "Ezzedine al-Qassam Brigades",
        "Haniyeh", "Ismail Haniyeh", "Sinwar", "Yahya Sinwar", "Abu Obeida",
    ]),
    ("hezbollah", "Hezbollah", &[
        "Hezbollah", "Hizbollah", "Nasrallah", "Naim Qassem",
    ]),
    ("lebanon", "Lebanon", &[
        "Lebanon", "Lebanese", "Beirut", "Tyre", "Sidon",
    ]),
    ("osce", "OSCE", &[
        "OSCE", "Organization for Security and Co-operation in Europe",
        "Organization for Security and Cooperation in Europe", "Minsk Group",
        "OSCE Minsk Group",
    ]),
    ("china", "China", &[
        "China", "Chinese", "Beijing", "Xi Jinping", "Wang Yi", "Mao Ning", "Lin Jian",
        "Wang Wenbin",
    ]),
    ("uk", "United Kingdom", &[
        "UK", "U.K.", "United Kingdom", "Britain", "British", "London", "Downing Street",
        "Foreign Office", "Starmer", "Sunak", "Cameron", "Lammy",
    ]),
    ("germany", "Germany", &[
        "Germany", "German", "Germans", "Berlin", "Scholz", "Baerbock", "Merz", "Pistorius",
    ]),
    ("nato", "NATO", &[
        "NATO", "Nato", "North Atlantic Treaty Organization", "Stoltenberg", "Rutte",
    ]),
    ("syria", "Syria", &[
        "Syria", "Syrian", "Syrians", "Damascus", "Assad", "al-Sharaa",
    ]),
    ("georgia", "Georgia", &[
        "Georgia", "Georgian", "Georgians", "Tbilisi",
    ]),
    ("sudan", "Sudan (army)", &[
        "Sudan", "Sudanese", "Sudanese army", "Sudanese Armed Forces", "SAF", "Khartoum",
        "Omdurman", "Port Sudan", "Burhan", "Abdel Fattah al-Burhan",
    ]),
    ("rsf", "Rapid Support Forces", &[
        "RSF", "Rapid Support Forces", "Dagalo", "Hemedti", "Mohamed Hamdan Dagalo",
    ]),
    ("myanmar", "Myanmar (junta)", &[
        "Myanmar", "Burmese", "Burma", "Naypyitaw", "Naypyidaw", "Tatmadaw", "Zaw Min Tun",
        "Myanmar military", "Myanmar army", "Min Aung Hlaing",
    ]),
    ("ethiopia", "Ethiopia", &[
        "Ethiopia", "Ethiopian", "Ethiopians", "Addis Ababa", "Abiy", "Abiy Ahmed",
    ]),
    ("tigray", "Tigray forces", &[
        "TPLF", "Tigray People's Liberation Front", "Tigrayan forces", "Tigrayan",
        "Tigray forces", "Tigray Defense Forces", "Tigray Defence Forces", "TDF",
        "Getachew Reda", "Tigray External Affairs Office", "Tigray interim administration",
    ]),
    ("india", "India", &[
        "India", "Indian", "New Delhi", "Modi",
    ]),
    ("pakistan", "Pakistan", &[
        "Pakistan", "Pakistani", "Islamabad", "ISPR", "Inter-Services Public Relations",
        "Khyber Pakhtunkhwa", "Balochistan", "Waziristan", "Peshawar", "Quetta", "Rawalpindi",
        "Shehbaz Sharif",
    ]),
    ("yemen-houthis", "Houthis", &[
        "Houthi", "Houthis", "Ansar Allah", "Sanaa",
    ]),
    ("egypt", "Egypt", &[
        "Egypt", "Egyptian", "Cairo", "Sisi",
    ]),
    ("qatar", "Qatar", &[
        "Qatar", "Qatari", "Doha",
    ]),
    ("saudi-arabia", "Saudi Arabia", &[
        "Saudi Arabia", "Saudi", "Riyadh",
    ]),
    ("belarus", "Belarus", &[
        "Belarus", "Belarusian", "Minsk", "Lukashenko",
    ]),
    ("icrc", "Red Cross", &[
        "ICRC", "Red Cross", "International Committee of the Red Cross",
    ]),
    ("iraq", "Iraq", &[
        "Iraq", "Iraqi", "Iraqis", "Baghdad",
    ]),
    ("afghanistan", "Afghanistan", &[
        "Afghanistan", "Afghan", "Afghans", "Kabul", "Taliban",
    ]),
    ("libya", "Libya", &[
        "Libya", "Libyan", "Libyans", "Tripoli", "Benghazi",
    ]),
    ("chad", "Chad", &[
        "Chad", "Chadian", "Chadians", "N'Djamena",
    ]),
    ("jordan", "Jordan", &[
        "Jordanian", "Jordanians", "Amman",
    ]),
    ("uae", "United Arab Emirates", &[
        "United Arab Emirates", "UAE", "Emirati", "Emiratis", "Abu Dhabi",
    ]),
    ("kuwait", "Kuwait", &[
        "Kuwait", "Kuwaiti",
    ]),
    ("somalia", "Somalia", &[
        "Somalia", "Somali", "Somalis", "Mogadishu",
    ]),
    ("al-shabaab", "al-Shabaab", &[
        "al-Shabaab", "Al-Shabaab", "al Shabaab", "Shabaab",
    ]),
    ("kenya", "Kenya", &[
        "Kenya", "Kenyan", "Kenyans", "Nairobi",
    ]),
    ("nigeria", "Nigeria", &[
        "Nigeria", "Nigerian", "Nigerians", "Abuja", "Borno", "Maiduguri", "Yobe", "Adamawa",
        "Zamfara", "Kaduna", "Tinubu", "Bola Tinubu",
    ]),
    ("boko-haram", "Boko Haram", &[
        "Boko Haram", "ISWAP",
    ]),
    ("mali", "Mali", &[
        "Mali", "Malian", "Malians", "Bamako",
    ]),
    ("niger", "Niger", &[
        "Niger", "Nigerien", "Niamey",
    ]),
    ("burkina-faso", "Burkina Faso", &[
        "Burkina Faso", "Burkinabe", "Ouagadougou",
    ]),
    ("drc", "DR Congo", &[
        "Congo", "Congolese", "Kinshasa", "DRC", "Democratic Republic of Congo",
        "FARDC", "Tshisekedi", "North Kivu", "South Kivu", "Goma", "Bukavu",
        "Democratic Republic of the Congo",
    ]),
    ("m23", "M23 rebels", &[
        "M23",
        "March 23 Movement", "AFC/M23",
    ]),
    ("rwanda", "Rwanda", &[
        "Rwanda", "Rwandan", "Rwandans", "Kigali", "Kagame",
    ]),
    ("south-sudan", "South Sudan", &[
        "South Sudan", "South Sudanese", "Juba",
    ]),
    ("eritrea", "Eritrea", &[
        "Eritrea", "Eritrean", "Eritreans", "Asmara",
    ]),
    ("colombia", "Colombia", &[
        "Colombia", "Colombian", "Colombians", "Bogota", "Bogotá",
    ]),
    ("venezuela", "Venezuela", &[
        "Venezuela", "Venezuelan", "Venezuelans", "Caracas", "Maduro",
    ]),
    ("mexico", "Mexico", &[
        "Mexico", "Mexican", "Mexicans", "Mexico City",
    ]),
    ("philippines", "Philippines", &[
        "Philippines", "Philippine", "Filipino", "Filipinos", "Manila", "Mindanao", "Marawi",
        "Lanao del Sur", "Lanao del Norte", "Maguindanao", "Cotabato", "Basilan", "Zamboanga",
        "Armed Forces of the Philippines",
    ]),
    ("indonesia", "Indonesia", &[
        "Indonesia", "Indonesian", "Indonesians", "Jakarta",
    ]),
    ("thailand", "Thailand", &[
        "Thailand", "Thai", "Bangkok",
    ]),
    ("cambodia", "Cambodia", &[
        "Cambodia", "Cambodian", "Cambodians", "Phnom Penh",
    ]),
    ("vietnam", "Vietnam", &[
        "Vietnam", "Vietnamese", "Hanoi",
    ]),
    ("north-korea", "North Korea", &[
        "North Korea", "North Korean", "North Koreans", "Pyongyang", "Kim Jong Un", "DPRK",
    ]),
    ("south-korea", "South Korea", &[
        "South Korea", "South Korean", "South Koreans", "Seoul",
    ]),
    ("japan", "Japan", &[
        "Japan", "Japanese", "Tokyo",
    ]),
    ("taiwan", "Taiwan", &[
        "Taiwan", "Taiwanese", "Taipei",
    ]),
    ("bangladesh", "Bangladesh", &[
        "Bangladesh", "Bangladeshi", "Bangladeshis", "Dhaka",
    ]),
    ("sri-lanka", "Sri Lanka", &[
        "Sri Lanka", "Sri Lankan", "Colombo",
    ]),
    ("kyrgyzstan", "Kyrgyzstan", &[
        "Kyrgyzstan", "Kyrgyz", "Bishkek",
    ]),
    ("tajikistan", "Tajikistan", &[
        "Tajikistan", "Tajik", "Dushanbe",
    ]),
    ("kazakhstan", "Kazakhstan", &[
        "Kazakhstan", "Kazakh", "Astana",
    ]),
    ("moldova", "Moldova", &[
        "Moldova", "Moldovan", "Chisinau",
    ]),
    ("serbia", "Serbia", &[
        "Serbia", "Serbian", "Serbs", "Belgrade",
    ]),
    ("kosovo", "Kosovo", &[
        "Kosovo", "Kosovar", "Pristina",
    ]),
    ("poland", "Poland", &[
        "Poland", "Polish", "Warsaw",
    ]),
    ("lithuania", "Lithuania", &[
        "Lithuania", "Lithuanian", "Vilnius",
    ]),
    ("latvia", "Latvia", &[
        "Latvia", "Latvian", "Riga",
    ]),
    ("estonia", "Estonia", &[
        "Estonia", "Estonian", "Tallinn",
    ]),
    ("finland", "Finland", &[
        "Finland", "Finnish", "Helsinki",
    ]),
    ("italy", "Italy", &[
        "Italy", "Italian", "Italians", "Rome",
    ]),
    ("spain", "Spain", &[
        "Spain", "Spanish", "Madrid",
    ]),
    ("greece", "Greece", &[
        "Greece", "Greek", "Greeks", "Athens",
    ]),
    ("cyprus", "Cyprus", &[
        "Cyprus", "Cypriot", "Nicosia",
    ]),
    ("canada", "Canada", &[
        "Canada", "Canadian", "Canadians", "Ottawa",
    ]),
    ("australia", "Australia", &[
        "Australia", "Australian", "Australians", "Canberra",
    ]),
    ("brazil", "Brazil", &[
        "Brazil", "Brazilian", "Brasilia",
    ]),
    ("south-africa", "South Africa", &[
        "South Africa", "South African", "Pretoria",
    ]),
    ("algeria", "Algeria", &[
        "Algeria", "Algerian", "Algiers",
    ]),
    ("morocco", "Morocco", &[
        "Morocco", "Moroccan", "Rabat",
    ]),
    ("tunisia", "Tunisia", &[
        "Tunisia", "Tunisian", "Tunis",
    ]),
    ("kurds", "Kurdish forces", &[
        "Kurdish", "Kurds", "PKK", "SDF", "Syrian Democratic Forces", "YPG", "Peshmerga",
    ]),
    ("isis", "Islamic State", &[
        "Islamic State", "ISIS", "ISIL", "Daesh",
    ]),
];

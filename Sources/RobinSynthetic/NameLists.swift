/// Fixed word lists the organisation is built from. Their order is part of
/// the determinism contract: append, never reorder.
enum NameLists {
    /// (display name, ASCII slug for e-mail addresses).
    static let firstNames: [(String, String)] = [
        ("James", "james"), ("Mary", "mary"), ("Robert", "robert"), ("Patricia", "patricia"), ("John", "john"),
        ("Jennifer", "jennifer"), ("Michael", "michael"), ("Linda", "linda"), ("David", "david"),
        ("Elizabeth", "elizabeth"), ("William", "william"), ("Barbara", "barbara"), ("Richard", "richard"),
        ("Susan", "susan"), ("Joseph", "joseph"), ("Jessica", "jessica"), ("Thomas", "thomas"), ("Sarah", "sarah"),
        ("Priya", "priya"), ("Arjun", "arjun"), ("Wei", "wei"), ("Mei", "mei"), ("Hiroshi", "hiroshi"),
        ("Yuki", "yuki"), ("José", "jose"), ("María", "maria"), ("Zoë", "zoe"), ("Chloé", "chloe"),
        ("Oluwaseun", "oluwaseun"), ("Amara", "amara"), ("Siobhán", "siobhan"), ("Seán", "sean"), ("Lars", "lars"),
        ("Ingrid", "ingrid"), ("Mohammed", "mohammed"), ("Fatima", "fatima"), ("Nguyen", "nguyen"), ("Linh", "linh"),
        ("Aisha", "aisha"), ("Omar", "omar"), ("Chen", "chen"), ("Li", "li"), ("Raj", "raj"), ("Ananya", "ananya"),
        ("Kwame", "kwame"), ("Efua", "efua"), ("Mateo", "mateo"), ("Sofia", "sofia"), ("Lucas", "lucas"),
        ("Emma", "emma"), ("Noah", "noah"), ("Olivia", "olivia"), ("Liam", "liam"), ("Ava", "ava"),
        ("Ethan", "ethan"), ("Isabella", "isabella"), ("Hannah", "hannah"), ("Daniel", "daniel"), ("Grace", "grace"),
        ("Samuel", "samuel"), ("Chloe", "chloe"), ("Benjamin", "benjamin"), ("Ruth", "ruth"), ("Tariq", "tariq"),
        ("Leila", "leila"), ("Dmitri", "dmitri"), ("Olga", "olga"), ("Kai", "kai"), ("Anika", "anika"),
        ("Tomás", "tomas"), ("Björn", "bjorn"), ("Ngozi", "ngozi"), ("Hana", "hana"), ("Jun", "jun"),
        ("Min-jun", "minjun"), ("Ji-woo", "jiwoo"), ("Rohan", "rohan"), ("Kavya", "kavya"), ("Felix", "felix"),
    ]

    static let lastNames: [(String, String)] = [
        ("Smith", "smith"), ("Johnson", "johnson"), ("Williams", "williams"), ("Brown", "brown"), ("Jones", "jones"),
        ("Garcia", "garcia"), ("Miller", "miller"), ("Davis", "davis"), ("Rodriguez", "rodriguez"),
        ("Martinez", "martinez"), ("Hernandez", "hernandez"), ("Lopez", "lopez"), ("Wilson", "wilson"),
        ("Anderson", "anderson"), ("Taylor", "taylor"), ("Thomas", "thomas"), ("Moore", "moore"),
        ("O'Brien", "obrien"), ("O'Connor", "oconnor"), ("McAllister", "mcallister"), ("Patel", "patel"),
        ("Shah", "shah"), ("Singh", "singh"), ("Kumar", "kumar"), ("Wang", "wang"), ("Zhang", "zhang"),
        ("Liu", "liu"), ("Tan", "tan"), ("Lim", "lim"), ("Ng", "ng"), ("Tanaka", "tanaka"), ("Sato", "sato"),
        ("Kim", "kim"), ("Park", "park"), ("Nguyễn", "nguyen"), ("Tran", "tran"), ("Müller", "muller"),
        ("Schmidt", "schmidt"), ("Dubois", "dubois"), ("Lefèvre", "lefevre"), ("Rossi", "rossi"),
        ("Bianchi", "bianchi"), ("Okafor", "okafor"), ("Mensah", "mensah"), ("Adeyemi", "adeyemi"),
        ("Haddad", "haddad"), ("Khan", "khan"), ("Ahmed", "ahmed"), ("Cohen", "cohen"), ("Levy", "levy"),
        ("Novak", "novak"), ("Kowalski", "kowalski"), ("Ivanova", "ivanova"), ("Petrov", "petrov"),
        ("Johansson", "johansson"), ("Larsen", "larsen"), ("Murphy", "murphy"), ("Kelly", "kelly"),
        ("Walsh", "walsh"), ("Evans", "evans"), ("Hughes", "hughes"), ("Clarke", "clarke"), ("Wright", "wright"),
        ("Scott", "scott"), ("Green", "green"), ("Baker", "baker"), ("Adams", "adams"), ("Nelson", "nelson"),
        ("Hill", "hill"), ("Campbell", "campbell"), ("Mitchell", "mitchell"), ("Roberts", "roberts"),
        ("Carter", "carter"), ("Phillips", "phillips"), ("da Silva", "dasilva"), ("van der Berg", "vanderberg"),
        ("Fernández", "fernandez"), ("Gómez", "gomez"), ("Chatterjee", "chatterjee"), ("Iyer", "iyer"),
    ]

    static let organizations: [(String, String)] = [
        ("Northwind Traders", "northwind-traders.example"), ("Acme Analytics", "acme-analytics.example"),
        ("Globex Hybrid Corp", "globex.example"), ("Initech Labs", "initech.example"),
        ("Blue Harbor Insurance", "blueharbor.example"), ("Contoso Partners", "contoso.example"),
        ("Vandelay Industries", "vandelay.example"), ("Westfield Logistics Group", "wlg.example"),
    ]

    /// Extra group memberships (a person's Groups column is "All Staff, <office>" plus maybe one of these).
    static let guilds = [
        "Engineering Guild", "Social Committee", "Women in Tech", "Green Team", "Mentors",
        "First Aiders", "Toastmasters", "Running Club",
    ]

    static let deskGroupNames = [
        "North Neighborhood", "South Neighborhood", "East Wing", "West Wing", "Quiet Zone",
        "Collaboration Hub", "Window Row", "Team Pod A", "Team Pod B", "Touchdown Area",
    ]

    /// Meeting titles. Some hold commas, quotes and a newline on purpose:
    /// they exercise every RFC 4180 quoting rule.
    static let meetingTitles = [
        "Weekly sync", "1:1", "Standup", "Sprint planning", "Sprint review, retro",
        "Q4 planning, part 2", "\"Project Falcon\" kickoff", "Interview: Senior Engineer",
        "Customer call – Globex", "Design review", "Budget review, FY27", "All hands prep",
        "Lunch & learn: \"Intro to SQL\"", "Offsite planning\nAgenda and logistics", "Onboarding",
        "Pipeline review", "Board deck review", "Hiring committee", "Coffee chat", "Focus time",
        "Incident postmortem, \"payments\" outage", "Roadmap review", "Vendor demo", "Training",
        "Reserved", "", "QBR prep, EMEA; APAC", "Brainstorm\nWhiteboard session", "Team lunch", "Office hours",
    ]

    static let recurringTitles = [
        "Weekly team sync", "Leadership staff meeting", "1:1 (recurring)", "Daily standup",
        "Ops review, weekly", "\"Town hall\" dry run", "Product council", "Sales forecast call",
    ]

    /// Locations printed in meeting invites when they are not the room itself.
    static let virtualLocations = ["Zoom Meeting", "Microsoft Teams Meeting", "Google Meet", "https://example.zoom.us/j/5550100"]
}

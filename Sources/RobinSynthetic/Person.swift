/// One employee of the synthetic organisation, with every text column
/// pre-encoded for CSV.
struct Person: Sendable {
    let robinID: Int
    let name: CSVField
    /// The address as Robin stores it; mixed case for some people.
    let email: CSVField
    /// The same address lower-cased, as calendars often print it.
    let emailLower: CSVField
    /// Empty for people without a department.
    let department: CSVField
    let groups: CSVField
    let homeBuilding: Int
    let style: DeskStyle
    /// Chance of booking on a peak day (Tuesday); the weekday profile scales it.
    let propensity: Double
    /// Index into the organisation's desks for `.assigned` and `.shared` people, else -1.
    let ownDesk: Int32
    /// A stable number used as the Series ID of recurring desk reservations.
    let seriesID: Int
}

/// How a person books desks (the `Type` column of their reservations).
enum DeskStyle: UInt8, Sendable {
    /// Several short check-in sessions a day on hot desks.
    case hot
    /// One (sometimes two) reservations a day on hoteled desks.
    case hoteled
    /// A permanently assigned desk, released in advance on away days.
    case assigned
    /// An assigned desk shared with a colleague on alternate days.
    case shared
    /// Books other people's assigned desks on their away days.
    case reverseHoteled

    var typeField: CSVField {
        switch self {
        case .hot: DeskStyle.hotField
        case .hoteled: DeskStyle.hoteledField
        case .assigned: DeskStyle.assignedField
        case .shared: DeskStyle.sharedField
        case .reverseHoteled: DeskStyle.reverseField
        }
    }

    private static let hotField = CSVField("hot")
    private static let hoteledField = CSVField("hoteled")
    private static let assignedField = CSVField("assigned")
    private static let sharedField = CSVField("shared")
    private static let reverseField = CSVField("reverse_hoteled")
}

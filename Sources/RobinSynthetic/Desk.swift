/// One desk: where it is and the text columns that describe it.
struct Desk: Sendable {
    let id: Int
    let name: CSVField
    let floor: CSVField
    /// The floor's index in its building, 0 = the lowest.
    let floorIndex: Int
    let group: CSVField
    /// `Desk Type`: `hot`, `hoteled` or `assigned`.
    let deskType: CSVField
    /// `Bookable On Unassigned Days`: set only for assigned desks.
    let bookableOnUnassignedDays: CSVField
}

/// One office: its zone, floors, and the indices of the people, desks and
/// rooms that belong to it.
struct Building: Sendable {
    let name: String
    let nameField: CSVField
    let clock: ZoneClock
    let locationID: Int
    /// Indices into the organisation's people whose home office this is.
    let people: [Int32]
    let hotDesks: [Int32]
    let hoteledDesks: [Int32]
    /// Assigned desks that others may book on the assignee's away days.
    let bookableAssignedDesks: [Int32]
    let rooms: [Int32]
}

/// Everything the row generators read: the organisation's people, desks,
/// rooms and buildings, built once from (seed, people) by `CatalogBuilder`.
struct Catalog: Sendable {
    let seed: UInt64
    let organizationName: String
    let organizationField: CSVField
    let buildings: [Building]
    let people: [Person]
    let desks: [Desk]
    let rooms: [Room]
    /// The person who blocks desks and rooms for facilities work.
    let facilitiesAdmin: Int
    /// Guest names for desk reservations made for visitors without a Robin account.
    let guestNames: [CSVField]
    let meetingTitles: [CSVField]
    let recurringTitles: [CSVField]
    let virtualLocations: [CSVField]
    /// What happens to the organisation on given dates (`Storyline`); nil = nothing.
    var story: StoryPlan? = nil
}

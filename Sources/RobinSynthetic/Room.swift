/// One bookable space (a Robin "space").
struct Room: Sendable {
    let spaceID: Int
    let name: CSVField
    let floor: CSVField
    let capacity: Int
    /// The invite's location text when it names the room.
    let location: CSVField
    /// Index (into the organisation's rooms) of the other half of a divisible
    /// room, or -1. Only the first half of a pair owns the shared timeline.
    let partner: Int32
    let isSecondHalf: Bool
    /// 0.5 ... 1.2: how sought-after the room is.
    let popularity: Double
}

/// A weekly (or fortnightly) meeting that a room hosts on a fixed weekday and
/// time. Series are derived from (seed, Space ID) alone, so every date sees
/// the same series and the instances share one series key.
struct RecurringSeries {
    /// ISO weekday index, 0 = Monday.
    let weekday: Int
    let startMinute: Int
    let minutes: Int
    let biweekly: Bool
    let weekParity: Int
    /// Index into the building's residents, reduced modulo their count.
    let hostDraw: Int
    let title: Int
    /// Non-zero; printed as 16 hex digits in the instance Event IDs.
    let key: UInt64
    /// When the series was created (Unix seconds).
    let created: Int64

    /// The 0-2 series of a room.
    static func of(seed: UInt64, spaceID: Int, titles: Int) -> [RecurringSeries] {
        var rng = SplitMix64(keys: seed, 0x5E21E5, UInt64(spaceID))
        return (0..<rng.below(3)).map { _ in
            RecurringSeries(
                weekday: rng.below(5), startMinute: 8 * 60 + rng.below(18) * 30, minutes: [30, 45, 60, 60][rng.below(4)],
                biweekly: rng.chance(0.3), weekParity: rng.below(2), hostDraw: rng.below(1 << 30),
                title: rng.below(titles), key: rng.next() | 1,
                // Sometime in 2025.
                created: 1_735_689_600 + Int64(rng.below(300 * 86_400))
            )
        }
    }

    /// Whether an instance falls on a date with this ISO weekday and ISO week.
    func occurs(weekday: Int, isoWeek: Int) -> Bool {
        weekday == self.weekday && (!biweekly || isoWeek % 2 == weekParity)
    }
}

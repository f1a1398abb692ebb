import RobinExports

/// What the local ids of a set of facts stand for: each id's stable 64-bit
/// key, so that facts built from different files (or runs) can be combined.
///
/// Keys are `ByteInterner.key` of the person key the reader builds (the
/// lower-cased email, or 0x01 and the name), of the `Desk ID` and of the
/// `Space ID`; hosts are persons. Two different values with one key would
/// count as one: with a 64-bit key, the birthday bound puts the chance of any
/// collision among n values at about n^2 / 2^65 (1e-11 for 20,000 people,
/// 3e-10 for 100,000; docs/metrics.md "Derived facts").
///
/// Facts made from one table in memory (`Analyzer.metrics` on tables) use the
/// table's own dense ids (`dense`): no key is computed, and the combiner uses
/// the ids as they are.
public final class IDSpace: Sendable {
    /// Per local person id (desks: assignees; rooms: hosts), its key.
    let persons: [UInt64]
    /// Per local desk id (desks) or room id (`Space ID`, rooms), its key.
    let places: [UInt64]
    /// The ids are one table's own dense ids, not keys (never stored, never mixed with other spaces).
    let isDense: Bool

    init(persons: [UInt64], places: [UInt64], isDense: Bool = false) {
        self.persons = persons
        self.places = places
        self.isDense = isDense
    }

    /// The dense ids of one table: `persons` and `places` ids below these counts.
    static func dense(persons: Int, places: Int) -> IDSpace {
        IDSpace(persons: (0..<persons).map(UInt64.init), places: (0..<places).map(UInt64.init), isDense: true)
    }

    /// The keys of a desk table's persons and desks.
    static func keys(of table: DeskTable) -> IDSpace {
        IDSpace(persons: table.personKeys, places: table.deskKeys)
    }

    /// The keys of an event table's hosts and rooms.
    static func keys(of table: EventTable) -> IDSpace {
        IDSpace(persons: table.hostKeys, places: table.spaceIDs.map(key(of:)))
    }

    /// `ByteInterner.key` of a string's UTF-8 bytes.
    static func key(of text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { ByteInterner.key(of: $0) }
    }

    /// The key of a fixed text: stored with the facts, so facts made while the
    /// key function was different are never combined with new ones.
    public static var keyProbe: UInt64 { key(of: "robin-report facts key probe: anne@example.com") }
}

import RobinModel

/// Where the simulator's export rows come from.
///
/// Must be deterministic: the same arguments give the same CSV, byte for byte,
/// so that an interrupted and resumed fetch caches what an uninterrupted one would.
public protocol ExportDataSource: Sendable {
    /// The CSV (header line first, every documented column of `kind`) of the
    /// rows starting in `[fromUTC, toUTC)` (seconds since 1970, UTC), limited to
    /// `locationIDs` when given.
    func export(_ kind: ExportKind, fromUTC: Int64, toUTC: Int64, locationIDs: [Int]?) -> String
}

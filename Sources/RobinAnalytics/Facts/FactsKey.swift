import RobinModel

/// What a facts file was built from, stored in its header: facts are used
/// only when every part still holds (docs/metrics.md "Derived facts").
public struct FactsKey: Sendable, Equatable {
    /// The export the facts are of.
    public var kind: ExportKind
    /// The date of the export file the facts are of.
    public var date: LocalDate
    /// The hash of every setting the facts depend on (`FactsSettings.key`).
    public var settings: UInt64
    /// Whose rows: 0 = the organisation's, else the hash of an audience's filter.
    public var scope: UInt64
    /// The export files read: the file and its neighbours the de-duplication looked at.
    public var sources: [Source]

    /// One export file the facts depend on, as it was when they were built.
    public struct Source: Sendable, Equatable {
        /// Its date.
        public var date: LocalDate
        /// False when the cache had no file for that date.
        public var present: Bool
        /// `stat` of the file: size, device, inode, modification and status-change
        /// times in nanoseconds. All zero when not recorded (a file changed too
        /// recently for its times to be trusted): the content hash decides.
        public var size: UInt64, device: UInt64, inode: UInt64, modified: Int64, changed: Int64
        /// XXH64 of the file's bytes.
        public var contentHash: UInt64

        /// A source as recorded; the `stat` fields and the hash default to 0 (not recorded).
        public init(date: LocalDate, present: Bool, size: UInt64 = 0, device: UInt64 = 0, inode: UInt64 = 0,
                    modified: Int64 = 0, changed: Int64 = 0, contentHash: UInt64 = 0) {
            self.date = date
            self.present = present
            self.size = size
            self.device = device
            self.inode = inode
            self.modified = modified
            self.changed = changed
            self.contentHash = contentHash
        }

        /// Whether the `stat` fields say the file is unchanged without reading it.
        public func sameStat(as other: Source) -> Bool {
            present == other.present && size == other.size && device == other.device && inode == other.inode
                && modified == other.modified && changed == other.changed && (modified != 0 || changed != 0)
        }
    }

    /// The key of `kind`'s file of `date`, built with the settings hash `settings` for `scope` from `sources`.
    public init(kind: ExportKind, date: LocalDate, settings: UInt64, scope: UInt64, sources: [Source]) {
        self.kind = kind
        self.date = date
        self.settings = settings
        self.scope = scope
        self.sources = sources
    }

    func write(to out: inout ByteWriter) {
        out.u8(kind == .desks ? 0 : 1)
        out.signed(Int64(date.daysSinceEpoch))
        out.u64(settings)
        out.u64(scope)
        out.count(sources.count)
        for source in sources {
            out.signed(Int64(source.date.daysSinceEpoch))
            out.u8(source.present ? 1 : 0)
            for value in [source.size, source.device, source.inode, UInt64(bitPattern: source.modified),
                          UInt64(bitPattern: source.changed), source.contentHash] {
                out.u64(value)
            }
        }
    }

    static func read(_ reader: inout ByteReader) throws(FactsCodecError) -> FactsKey {
        let kind = try reader.u8()
        guard kind <= 1 else { throw .malformed("kind \(kind)") }
        let date = try Self.date(&reader)
        let (settings, scope) = (try reader.u64(), try reader.u64())
        var sources: [Source] = []
        for _ in 0..<(try reader.count(atMost: 16)) {
            let sourceDate = try Self.date(&reader)
            let present = try reader.u8() != 0
            let values = [try reader.u64(), try reader.u64(), try reader.u64(), try reader.u64(), try reader.u64(),
                          try reader.u64()]
            sources.append(Source(date: sourceDate, present: present, size: values[0], device: values[1], inode: values[2],
                                  modified: Int64(bitPattern: values[3]), changed: Int64(bitPattern: values[4]),
                                  contentHash: values[5]))
        }
        return FactsKey(kind: kind == 0 ? .desks : .spaces, date: date, settings: settings, scope: scope, sources: sources)
    }

    private static func date(_ reader: inout ByteReader) throws(FactsCodecError) -> LocalDate {
        let value = try reader.signed()
        guard abs(value) < 3_000_000 else { throw .malformed("date \(value)") }
        return LocalDate(daysSinceEpoch: Int(value))
    }
}

/// The settings day facts depend on, as one hash: each building's time zone
/// (which local date and hour a row falls on) and the business hours (where
/// a meeting's window time falls; what an all-day meeting occupies). The
/// workweek, closed dates, inventory, `min_group_size`, targets and policy
/// apply when facts are combined, so changing them rebuilds nothing.
public enum FactsSettings {
    /// The hash (stable across runs: XXH64 of a canonical text).
    public static func key(_ settings: Settings) -> UInt64 {
        var text = "timezone=\(settings.timeZone);hours=\(settings.businessHours.start)-\(settings.businessHours.end)"
        for (name, building) in settings.buildings.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            if let zone = building.timeZone { text += ";\(name.utf8.count):\(name)=\(zone)" }
        }
        return XXHash64.hash(Array(text.utf8))
    }

    /// The scope hash of an audience's rows (0 is the organisation's).
    public static func scope(buildings: Set<String>, departments: Set<String>) -> UInt64 {
        func list(_ names: Set<String>) -> String {
            names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\($0.utf8.count):\($0)" }.joined()
        }
        return max(XXHash64.hash(Array("buildings=\(list(buildings));departments=\(list(departments))".utf8)), 1)
    }
}

import Foundation
import RobinModel

/// The local cache of daily exports:
/// `<cache>/<org>/<locations-key>/<kind>/<YYYY-MM-DD>.csv`.
///
/// The locations key is `all` (no `--location-ids`) or the sorted, distinct
/// ids joined by `-` (`3-17-40`). A `.csv` file is only ever created by an
/// atomic rename of a complete, checked, fsynced temporary file, so every
/// `.csv` that exists is trusted; temporaries start with `.` and never end in
/// `.csv`. Beside each CSV, `<date>.csv.fetched` records when it was fetched
/// (see `ExportCache+Days.swift`). Only regular files count: a directory, FIFO
/// or symbolic link named `<date>.csv` is not a cached day, and is never opened.
public struct ExportCache: Sendable {
    /// The folder of one organisation and location set: `<cache>/<org>/<locations-key>`.
    public let root: String

    /// The cache of `organizationID` and `locationIDs` (nil: all locations) under `directory`.
    public init(directory: String, organizationID: Int, locationIDs: [Int]?) {
        self.root = (directory as NSString)
            .appendingPathComponent("\(organizationID)/\(ExportCache.locationsKey(locationIDs))")
    }

    /// The cache a fetch with `configuration` writes.
    public init(configuration: FetchConfiguration) {
        self.init(
            directory: configuration.cacheDirectory,
            organizationID: configuration.organizationID,
            locationIDs: configuration.locationIDs
        )
    }

    /// `all`, or the sorted distinct ids joined by `-`.
    public static func locationsKey(_ locationIDs: [Int]?) -> String {
        guard let locationIDs, !locationIDs.isEmpty else { return "all" }
        return Set(locationIDs).sorted().map(String.init).joined(separator: "-")
    }

    /// The folder of one kind: `<root>/<kind>`.
    public func folder(kind: ExportKind) -> String {
        (root as NSString).appendingPathComponent(kind.rawValue)
    }

    /// The derived cache beside the exports: `<root>/facts` (day facts the
    /// report job builds from the exports; RobinPipeline's `FactsStore`).
    /// Never an export kind's folder, so fetching leaves it alone.
    public var factsFolder: String {
        (root as NSString).appendingPathComponent("facts")
    }

    /// The file of one day's export (it may not exist).
    public func path(kind: ExportKind, date: LocalDate) -> String {
        (folder(kind: kind) as NSString).appendingPathComponent("\(date).csv")
    }

    /// True when that day's export is in the cache (a regular file).
    public func contains(kind: ExportKind, date: LocalDate) -> Bool {
        if case .regular = CacheEntry(path: path(kind: kind, date: date)) { return true }
        return false
    }

    /// The days of `period` whose export is cached, in order.
    public func cachedDays(kind: ExportKind, in period: Period) -> [LocalDate] {
        period.dates.filter { contains(kind: kind, date: $0) }
    }

    /// The days of `period` whose export is not cached, in order.
    public func missingDays(kind: ExportKind, in period: Period) -> [LocalDate] {
        period.dates.filter { !contains(kind: kind, date: $0) }
    }

    /// The cached CSV of one day; nil when not cached (or not a regular file).
    public func read(kind: ExportKind, date: LocalDate) -> Data? {
        CacheEntry.readRegular(path(kind: kind, date: date))
    }

    /// Stores one day's CSV atomically (temporary file, fsync, rename, fsync of
    /// the folder), then the record that it was fetched at `fetchedAt`.
    public func write(_ data: Data, kind: ExportKind, date: LocalDate, fetchedAt: Date) throws(FetchError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(data, to: path(kind: kind, date: date))
        } catch {
            throw .io(error.path, error.reason)
        }
        try recordFetch(kind: kind, date: date, at: fetchedAt)
    }

    /// Renames a checked download into place as one day's CSV, then records
    /// that it was fetched at `fetchedAt`.
    func store(_ spool: SpoolFile, kind: ExportKind, date: LocalDate, fetchedAt: Date) throws(FetchError) {
        try spool.commit()
        try recordFetch(kind: kind, date: date, at: fetchedAt)
    }

    /// Takes the cache's lock file (`<root>/.lock`) so that no other fetch
    /// writes here; throws when another process holds it.
    public func lock() throws(FetchError) -> CacheLock {
        do throws(AtomicFile.Failure) {
            try AtomicFile.createDirectory(root)
        } catch {
            throw .io(error.path, error.reason)
        }
        return try CacheLock(path: (root as NSString).appendingPathComponent(".lock"))
    }

    /// Deletes temporaries left by a killed run. Call only while holding the lock.
    func removeStaleTemporaries() {
        for kind in ExportKind.allCases {
            let folder = folder(kind: kind)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where AtomicFile.isTemporary(name) {
                try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
            }
        }
    }
}

import Foundation
import RobinModel

/// The local cache of daily exports:
/// `<cache>/<org>/<locations-key>/<kind>/<YYYY-MM-DD>.csv`.
///
/// The locations key is `all` (no `--location-ids`) or the sorted, distinct
/// ids joined by `-` (`3-17-40`). A `.csv` file is only ever created by an
/// atomic rename of a complete, fsynced temporary file, so every `.csv` that
/// exists is trusted; temporaries start with `.` and never end in `.csv`.
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

    /// The file of one day's export (it may not exist).
    public func path(kind: ExportKind, date: LocalDate) -> String {
        (folder(kind: kind) as NSString).appendingPathComponent("\(date).csv")
    }

    /// True when that day's export is in the cache.
    public func contains(kind: ExportKind, date: LocalDate) -> Bool {
        FileManager.default.fileExists(atPath: path(kind: kind, date: date))
    }

    /// The days of `period` whose export is cached, in order.
    public func cachedDays(kind: ExportKind, in period: Period) -> [LocalDate] {
        period.dates.filter { contains(kind: kind, date: $0) }
    }

    /// The days of `period` whose export is not cached, in order.
    public func missingDays(kind: ExportKind, in period: Period) -> [LocalDate] {
        period.dates.filter { !contains(kind: kind, date: $0) }
    }

    /// The cached CSV of one day; nil when not cached.
    public func read(kind: ExportKind, date: LocalDate) -> Data? {
        FileManager.default.contents(atPath: path(kind: kind, date: date))
    }

    /// Stores one day's CSV atomically (temporary file, fsync, rename, fsync of the folder).
    public func write(_ data: Data, kind: ExportKind, date: LocalDate) throws(FetchError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(data, to: path(kind: kind, date: date))
        } catch {
            throw .io(error.path, error.reason)
        }
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

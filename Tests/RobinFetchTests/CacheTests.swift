import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RobinFetch
import RobinModel
import RobinTestSupport
import Testing

struct CacheTests {
    @Test func layoutAndLocationsKey() {
        let cache = ExportCache(directory: "/c", organizationID: 7, locationIDs: [40, 3, 17, 3])
        #expect(cache.root == "/c/7/3-17-40")
        #expect(cache.path(kind: .spaces, date: LocalDate("2026-11-17")!) == "/c/7/3-17-40/spaces/2026-11-17.csv")
        #expect(ExportCache.locationsKey(nil) == "all")
    }

    @Test func writesAtomicallyAndIgnoresTemporaries() throws {
        let scratch = try TemporaryFolder("robin-cache")
        defer { scratch.remove() }
        let folder = scratch.path
        let cache = ExportCache(directory: folder, organizationID: 1, locationIDs: nil)
        let date = LocalDate("2026-11-17")!
        try cache.write(Data("a,b\n1,2\n".utf8), kind: .desks, date: date, fetchedAt: Date())
        // What a run killed mid-write leaves behind: a temporary, never a .csv.
        _ = FileManager.default.createFile(atPath: cache.folder(kind: .desks) + "/.2026-11-18.csv.123.9.tmp", contents: Data("a,".utf8))
        let days = period("2026-11-17", "2026-11-18")
        #expect(cache.cachedDays(kind: .desks, in: days) == [date])
        #expect(cache.missingDays(kind: .desks, in: days) == [LocalDate("2026-11-18")!])
        #expect(cache.read(kind: .desks, date: date) == Data("a,b\n1,2\n".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.folder(kind: .desks)).sorted()
        #expect(names == [".2026-11-18.csv.123.9.tmp", "2026-11-17.csv", "2026-11-17.csv.fetched"])
    }

    @Test func secondLockIsRefusedWithTheLockPath() throws {
        let scratch = try TemporaryFolder("robin-cache")
        defer { scratch.remove() }
        let folder = scratch.path
        let cache = ExportCache(directory: folder, organizationID: 1, locationIDs: nil)
        let lock = try cache.lock()
        let error = #expect(throws: FetchError.self) { _ = try cache.lock() }
        #expect(error?.description.contains("locked by another robin-report fetch") == true)
        #expect(error?.description.contains("/1/all/.lock") == true)
        lock.release()
        try cache.lock().release()  // free again
    }

    @Test(.timeLimit(.minutes(1)))
    func onlyRegularFilesAreCachedDays() throws {
        let scratch = try TemporaryFolder("robin-cache")
        defer { scratch.remove() }
        let folder = scratch.path
        let cache = ExportCache(directory: folder, organizationID: 1, locationIDs: nil)
        let fifoDay = LocalDate("2026-11-17")!, folderDay = LocalDate("2026-11-18")!, linkDay = LocalDate("2026-11-19")!
        try FileManager.default.createDirectory(atPath: cache.folder(kind: .desks), withIntermediateDirectories: true)
        #expect(mkfifo(cache.path(kind: .desks, date: fifoDay), 0o644) == 0)
        try FileManager.default.createDirectory(atPath: cache.path(kind: .desks, date: folderDay), withIntermediateDirectories: true)
        let target = folder + "/elsewhere.csv"
        try Data("a\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: cache.path(kind: .desks, date: linkDay), withDestinationPath: target)

        let days = period("2026-11-17", "2026-11-19")
        #expect(cache.cachedDays(kind: .desks, in: days).isEmpty)
        #expect(cache.missingDays(kind: .desks, in: days) == days.dates)
        for date in days.dates {
            #expect(cache.read(kind: .desks, date: date) == nil)  // a FIFO would block a plain read forever
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aFetchNamesAFIFOOrFolderInsteadOfReadingIt() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let configuration = harness.configuration()
        let cache = ExportCache(configuration: configuration)
        try FileManager.default.createDirectory(atPath: cache.folder(kind: .desks), withIntermediateDirectories: true)
        #expect(mkfifo(cache.path(kind: .desks, date: LocalDate("2026-11-17")!), 0o644) == 0)

        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-16", "2026-11-18"), kinds: [.desks])
        }
        let text = try #require(error).description
        #expect(text.contains("desks/2026-11-17.csv: is a FIFO, not a regular file"))
        #expect(error?.isConfigurationError == false)
        #expect(await harness.simulator.requestLog().isEmpty)  // refused before any request
    }
}

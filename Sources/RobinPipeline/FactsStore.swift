import Foundation
import Synchronization
import RobinAnalytics
import RobinFetch
import RobinModel

/// The derived cache: each export file's day facts, beside the export cache,
/// `<cache>/<org>/<locations>/facts/v<version>/<scope>/<kind>/<date>.facts`
/// (`scope`: `org`, or `audience-<hash of its buildings and departments>`).
///
/// A facts file is used only when it checks (`FactsCodec`: magic, version,
/// key function, checksum) and its key still holds: the same settings hash,
/// and each export file it was built from (the file and the neighbours its
/// de-duplication looked at) unchanged, or still absent. Anything else is
/// rebuilt from the exports and written again, atomically (`AtomicFile`).
public struct FactsStore: Sendable {
    /// `<cache root>/facts/v<version>`.
    public let folder: String

    /// Set once a write failed: a store that cannot be written (a read-only
    /// cache) says so once a run, not once a file.
    private let failed = Flag()

    /// The store of `cache`'s exports.
    public init(cache: ExportCache) {
        folder = (cache.factsFolder as NSString).appendingPathComponent("v\(FactsCodec.version)")
    }

    /// The folder name of a scope.
    static func scopeName(_ scope: UInt64) -> String {
        scope == 0 ? "org" : "audience-" + String(scope, radix: 16)
    }

    /// The facts file of one export file, for one scope.
    public func path(scope: UInt64, kind: ExportKind, date: LocalDate) -> String {
        "\(folder)/\(Self.scopeName(scope))/\(kind)/\(date).facts"
    }

    /// The file's bytes when it is a regular file; nil otherwise (or when it cannot be read whole).
    func bytes(scope: UInt64, kind: ExportKind, date: LocalDate) -> [UInt8]? {
        let fd = open(path(scope: scope, kind: kind, date: date), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        // O_NONBLOCK: a FIFO put there opens at once and is refused here, instead of waiting for a writer.
        // Read straight into the array (no Data in between); a file that changes size meanwhile fails its checksum.
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = read(fd, buffer.baseAddress! + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                initialized += count
            }
            complete = initialized == size
        }
        return complete ? bytes : nil
    }

    /// `v` and digits: a format version's folder.
    static func isVersionFolder(_ name: String) -> Bool {
        name.count > 1 && name.first == "v" && name.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Removes the folders of other facts format versions (`facts/v1` once
    /// `v2` is current): nothing reads them any more, and they are as large
    /// as the current one. Failures are ignored (they only cost disk space).
    func removeOtherVersions() {
        let parent = (folder as NSString).deletingLastPathComponent, current = (folder as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name != current && Self.isVersionFolder(name) {
            try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
        }
    }

    /// Writes a scope's facts of one export file, atomically. A failure is
    /// reported through `warn` and otherwise ignored: the facts are rebuilt
    /// next time.
    func save(_ facts: ExportFileFacts, key: FactsKey, warn: (String) -> Void) {
        let path = path(scope: key.scope, kind: key.kind, date: key.date)
        do throws(AtomicFile.Failure) {
            // Not fsynced: a facts file is checked (magic, version, checksum) before it is
            // used, so one a power cut left empty or torn is rebuilt, never trusted; the two
            // fsyncs per file took about a second of a weekly run on a busy disk.
            try AtomicFile.write(Data(FactsCodec.encode(facts, key: key)), to: path, durable: false)
        } catch {
            if failed.setFirst() {
                warn("facts cache: \(error) (facts that cannot be written are rebuilt next time)")
            }
        }
    }
}

/// A flag set once, from any task: `setFirst` is true for the first caller only.
private final class Flag: Sendable {
    private let value = Mutex(false)

    func setFirst() -> Bool {
        value.withLock { isSet in
            defer { isSet = true }
            return !isSet
        }
    }
}

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

    /// The file's bytes when it is a regular file; nil otherwise.
    func bytes(scope: UInt64, kind: ExportKind, date: LocalDate) -> [UInt8]? {
        let path = path(scope: scope, kind: kind, date: date)
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// Writes a scope's facts of one export file, atomically. A failure is
    /// reported through `warn` and otherwise ignored: the facts are rebuilt
    /// next time.
    func save(_ facts: ExportFileFacts, key: FactsKey, warn: (String) -> Void) {
        let path = path(scope: key.scope, kind: key.kind, date: key.date)
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(Data(FactsCodec.encode(facts, key: key)), to: path)
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

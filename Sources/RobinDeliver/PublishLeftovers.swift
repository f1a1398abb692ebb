import Foundation
import RobinModel

/// What an interrupted publish of the same report leaves in the repository,
/// told apart from someone's uncommitted work.
///
/// publish replaces `<folder>/<period>/`, rewrites `<folder>/index.md`, then
/// commits. Killed in between (kill -9, a reboot, `--no-commit` then a
/// commit), it leaves those files changed and not committed, and a rerun that
/// refused every uncommitted change would refuse the repository until someone
/// cleaned it by hand. A change is such a leftover only when it is one this
/// publish makes itself: a file of the period's folder or the index holding
/// exactly the bytes publish writes there, a file of the period's folder that
/// is missing (the folder is replaced as a whole), or an `AtomicFile`
/// temporary of either. Anything else is still refused.
struct PublishLeftovers {
    /// One entry of `git status --porcelain -z`.
    struct Change: CustomStringConvertible, Equatable {
        /// The two status letters, e.g. ` M`, `??`, `A `, `R `.
        var code: String
        /// The path from the repository's top.
        var path: String

        /// `M reports/index.md`, as `git status --short` shows it.
        var description: String { "\(code.trimmingCharacters(in: .whitespaces)) \(path)" }

        /// The entries of `git status --porcelain -z` output. A rename's or
        /// copy's source path (the field after it) is dropped: its `code` says it was one.
        static func parse(_ output: String) -> [Change] {
            var changes: [Change] = []
            var fields = output.split(separator: "\0", omittingEmptySubsequences: true).makeIterator()
            while let field = fields.next() {
                guard field.count > 3 else { continue }
                let code = String(field.prefix(2))
                changes.append(Change(code: code, path: String(field.dropFirst(3))))
                if code.contains("R") || code.contains("C") { _ = fields.next() }
            }
            return changes
        }
    }

    /// The repository's folder.
    var repository: String
    /// The reports' folder inside it (`reports`).
    var folder: String
    /// The period's folder name (`2026-W47`).
    var period: String
    /// The files publish writes, by path inside the period's folder.
    var planned: [(path: String, data: Data)]
    /// The index.md publish writes.
    var index: Data

    /// The changes that are not leftovers of this publish.
    func foreign(_ changes: [Change]) throws(DeliveryError) -> [Change] {
        let expected = Dictionary(planned.map { ("\(folder)/\(period)/" + $0.path, $0.data) }) { first, _ in first }
        var foreign: [Change] = []
        for change in changes {
            let path = repository + "/" + change.path
            let name = (change.path as NSString).lastPathComponent
            let kind = NoFollow.kind(path)
            let leftover: Bool
            if change.code.contains("R") || change.code.contains("C") {
                leftover = false  // publish renames nothing git would see
            } else if change.path.hasPrefix("\(folder)/\(period)/") {
                switch kind {
                case .missing: leftover = true
                case .regular where AtomicFile.isTemporary(name): leftover = true
                case .regular: leftover = try holds(path, expected[change.path])
                default: leftover = false
                }
            } else if change.path == "\(folder)/index.md" {
                leftover = kind == .regular ? try holds(path, index) : false
            } else {
                leftover = isIndexTemporary(change.path) && kind == .regular
            }
            if !leftover { foreign.append(change) }
        }
        return foreign
    }

    /// True when the regular file at `path` holds exactly `data`.
    private func holds(_ path: String, _ data: Data?) throws(DeliveryError) -> Bool {
        guard let data else { return false }
        return try NoFollow.readRegularFile(path) == data
    }

    /// Removes the index's temporaries among `changes` (those of the period's
    /// folder go with the folder, which publish replaces), so they are not committed.
    func removeTemporaries(_ changes: [Change]) throws(DeliveryError) {
        for change in changes where isIndexTemporary(change.path) {
            try NoFollow.removeTree(repository + "/" + change.path)
        }
    }

    /// `<folder>/.index.md.<pid>.<random>.tmp`: `AtomicFile`'s temporary for the index.
    private func isIndexTemporary(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return (path as NSString).deletingLastPathComponent == folder && name.hasPrefix(".index.md.")
            && AtomicFile.isTemporary(name)
    }
}

import Foundation
import RobinModel

/// Handed-over notes: what a run killed while the server took a message leaves.
///
/// The sent-log gets its line once the server has accepted the message. A run
/// killed after the server took the message (the final "." sent) but before
/// its answer came back left no line, and a rerun mailed everyone again. So,
/// just before the message is given to the server for good, its line is
/// written as a note of its own, `<cache>/sent-log.handed-over/<period>.tsv`
/// (an audience's: `<period>/<slug>.tsv`), written atomically; the note goes
/// once the sent line is written, or when the send fails (the failure was
/// said, and a rerun sends again). A note still there is a run that stopped
/// in between: the message may have arrived, so a rerun does not send it
/// again and says so (`Entry.unconfirmed`); `--resend` sends it.
extension SentLog {
    /// The folder of the notes, beside the log.
    var handedOverFolder: String { path.replacingOccurrences(of: ".tsv", with: "") + ".handed-over" }

    /// The note of (`period`, `audience`).
    func handedOverPath(period: String, audience: String?) -> String {
        handedOverFolder + "/" + period + (audience.map { "/\($0)" } ?? "") + ".tsv"
    }

    /// Notes that `message` is about to be handed to the server.
    public func recordHandedOver(_ message: EmailMessage, period: String, audience: String? = nil) throws(DeliveryError) {
        let note = handedOverPath(period: period, audience: audience)
        do {
            try FileManager.default.createDirectory(atPath: (note as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        } catch {
            throw .runtime("\(note): cannot make its folder (\((error as NSError).localizedDescription)); nothing was sent")
        }
        do {
            try AtomicFile.write(SentLog.line(message, period: period, audience: audience), to: note)
        } catch {
            throw .runtime("\(note): cannot write the note of the message being sent (\(error.reason)); nothing was sent")
        }
    }

    /// Drops the note of (`period`, `audience`), and its folders once empty.
    public func dropHandedOver(period: String, audience: String? = nil) {
        var path = handedOverPath(period: period, audience: audience)
        guard unlink(path) == 0 else { return }
        repeat {
            path = (path as NSString).deletingLastPathComponent
        } while path.count > handedOverFolder.count - 1 && rmdir(path) == 0
    }

    /// The note of (`period`, `audience`) as an unconfirmed entry, or nil.
    func handedOver(period: String, audience: String?) throws(DeliveryError) -> Entry? {
        let note = handedOverPath(period: period, audience: audience)
        guard FileManager.default.fileExists(atPath: note) else { return nil }
        guard var entry = SentLog.entries(in: try ReportFolder.read(note)).last else { return nil }
        entry.unconfirmed = true
        return entry
    }
}

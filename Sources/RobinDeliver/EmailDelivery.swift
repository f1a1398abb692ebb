import Foundation
import RobinModel

/// The email stage: reads the report folder (and its audiences' folders),
/// composes one message per report, checks the sent-log, sends through the
/// transport, and records what was sent.
///
/// The organisation's report goes to the composer's `to` and `cc`, each
/// audience's (`<period>/audiences/<slug>/`) to its own `to` and `cc` from
/// the configuration. The sent-log is keyed by (period, audience), so a rerun
/// sends only what is missing. Every message is composed before the first is
/// sent: a missing report.pdf or an audience the configuration does not know
/// stops the run with nothing sent.
public struct EmailDelivery: Sendable {
    /// What happened to one report.
    public enum Outcome: Sendable, Equatable {
        /// Sent (or written, for a dry run) to the transport's destination.
        case sent(EmailMessage, destination: String, audience: AudienceLabel?)
        /// The report is in the sent-log and `resend` was not given: nothing sent.
        case alreadySent(SentLog.Entry, log: String)
        /// An earlier run handed the message to the server and stopped before its
        /// answer (killed), and `resend` was not given: it may have arrived, so nothing is sent.
        case unconfirmed(SentLog.Entry, log: String)
        /// An audience with no `to` in the configuration: its report is not mailed.
        case noRecipients(AudienceLabel)
    }

    /// Builds each message; its `to` and `cc` are the organisation's.
    public var composer: EmailComposer
    /// The configuration's audiences, whose `to` and `cc` their reports go to (by slug).
    public var audiences: [Audience]
    /// Sends it: SMTP, sendmail or a file.
    public var transport: any MailTransport
    /// nil: no sent-log (nothing recorded, nothing refused).
    public var sentLog: SentLog?
    /// Send even when the report is in the sent-log.
    public var resend: Bool

    public init(composer: EmailComposer, audiences: [Audience] = [], transport: any MailTransport, sentLog: SentLog?,
                resend: Bool = false) {
        self.composer = composer
        self.audiences = audiences
        self.transport = transport
        self.sentLog = sentLog
        self.resend = resend
    }

    /// Delivers the report in `folder`: a period folder with its audiences'
    /// folders, or one audience's folder alone. `each` hears of every
    /// outcome as it happens (so what was sent is told even when a later send fails).
    @discardableResult
    public func deliver(reportFolder folder: String, date: Date = Date(),
                        each: (Outcome) -> Void = { _ in }) throws(DeliveryError) -> [Outcome] {
        let root = try ReportFolder.load(folder)
        var reports = [root]
        if root.audience == nil {
            for path in try ReportFolder.audienceFolders(of: folder) { reports.append(try ReportFolder.load(path)) }
        }
        let log = transport.delivers ? sentLog : nil
        var outcomes: [Outcome?] = []
        var pending: [(report: ReportFolder, message: EmailMessage)] = []
        for report in reports {
            var composer = self.composer
            if let label = report.audience {
                guard let audience = audiences.first(where: { $0.slug == label.slug }) else {
                    throw .usage("\(report.path): no audience of the configuration has the folder name \"\(label.slug)\" "
                                 + "(add it to [[audiences]], or run robin-report report again to drop the folder)")
                }
                guard !audience.to.isEmpty else {
                    outcomes.append(.noRecipients(label))
                    continue
                }
                (composer.to, composer.cc) = (audience.to, audience.cc)
            } else if composer.to.isEmpty {
                throw .usage("no recipients: give --to or set email.to in the configuration")
            }
            if let log, !resend, let entry = try log.entry(for: report.metrics.name.folder, audience: report.audience?.slug) {
                outcomes.append(entry.unconfirmed ? .unconfirmed(entry, log: log.path) : .alreadySent(entry, log: log.path))
                continue
            }
            outcomes.append(nil)
            let pdf = composer.attachPDF ? try report.pdfAttachment() : nil
            pending.append((report, composer.message(for: report, date: date, pdf: pdf)))
        }
        if let log, !pending.isEmpty { try log.checkWritable() }
        var sending = pending.makeIterator()
        var done: [Outcome] = []
        for planned in outcomes {
            let outcome: Outcome
            if let planned {
                outcome = planned
            } else {
                let (report, message) = sending.next()!
                let transport = transport.transport(forReport: report.path)
                let (period, audience) = (report.metrics.name.folder, report.audience?.slug)
                // Noted before the server can take it, so a run killed before the answer
                // (when the message may have arrived) does not let a rerun mail it twice.
                var handedOver = false
                do {
                    try transport.send(message) { () throws(DeliveryError) in
                        try log?.recordHandedOver(message, period: period, audience: audience)
                        handedOver = true
                    }
                } catch {
                    // The failure is said now, with what the server may have: a rerun sends again.
                    if handedOver { log?.dropHandedOver(period: period, audience: audience) }
                    throw error
                }
                if let log {
                    do {
                        try log.record(message, period: period, audience: audience)
                    } catch {
                        throw .runtime("the message was sent, but \(error.message)")
                    }
                }
                outcome = .sent(message, destination: transport.destination, audience: report.audience)
            }
            each(outcome)
            done.append(outcome)
        }
        return done
    }
}

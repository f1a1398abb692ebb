import Foundation

/// The email stage: reads the report folder, composes the message, checks the
/// sent-log, sends through the transport, and records what was sent.
public struct EmailDelivery: Sendable {
    /// What happened.
    public enum Outcome: Sendable, Equatable {
        /// Sent (or written, for a dry run) to the transport's destination.
        case sent(EmailMessage, destination: String)
        /// The period is in the sent-log and `resend` was not given: nothing sent.
        case alreadySent(SentLog.Entry, log: String)
    }

    /// Builds the message from the report folder.
    public var composer: EmailComposer
    /// Sends it: SMTP, sendmail or a file.
    public var transport: any MailTransport
    /// nil: no sent-log (nothing recorded, nothing refused).
    public var sentLog: SentLog?
    /// Send even when the period is in the sent-log.
    public var resend: Bool

    public init(composer: EmailComposer, transport: any MailTransport, sentLog: SentLog?, resend: Bool = false) {
        self.composer = composer
        self.transport = transport
        self.sentLog = sentLog
        self.resend = resend
    }

    /// Delivers the report in `folder`.
    public func deliver(reportFolder folder: String, date: Date = Date()) throws(DeliveryError) -> Outcome {
        let report = try ReportFolder.load(folder)
        let period = report.metrics.name.folder
        let log = transport.delivers ? sentLog : nil
        if let log {
            if !resend, let entry = try log.entry(for: period) {
                return .alreadySent(entry, log: log.path)
            }
            try log.checkWritable()
        }
        let message = composer.message(for: report, date: date)
        try transport.send(message)
        if let log {
            do {
                try log.record(message, period: period)
            } catch {
                throw .runtime("the message was sent, but \(error.message)")
            }
        }
        return .sent(message, destination: transport.destination)
    }
}

/// How a message leaves: SMTP, a sendmail command, or a file (dry run). The
/// stage's seam: tests and other callers swap the transport, not the world.
public protocol MailTransport: Sendable {
    /// Where the message goes, for the one line printed on success (no credentials).
    var destination: String { get }
    /// Whether sending records the period in the sent-log (false for a dry run).
    var delivers: Bool { get }
    /// Sends `message` or throws, having sent nothing.
    func send(_ message: EmailMessage) throws(DeliveryError)
    /// Sends `message`; `handingOver` runs once, just before the point after
    /// which the message may be delivered (SMTP: the final "." after the
    /// body; by default: before anything is sent), so a sent-log can note it
    /// first. Its error stops the send with nothing delivered.
    func send(_ message: EmailMessage, handingOver: () throws(DeliveryError) -> Void) throws(DeliveryError)
    /// The transport for the message of the report in `folder` (a dry run writes
    /// each report's message into its own folder); by default this one.
    func transport(forReport folder: String) -> any MailTransport
}

extension MailTransport {
    public func transport(forReport folder: String) -> any MailTransport { self }

    public func send(_ message: EmailMessage, handingOver: () throws(DeliveryError) -> Void) throws(DeliveryError) {
        try handingOver()
        try send(message)
    }
}

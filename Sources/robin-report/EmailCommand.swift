import ArgumentParser
import Foundation
import RobinConfig
import RobinDeliver
import RobinModel

/// `robin-report email`: mail a rendered report (SMTP, a sendmail command, or a dry run).
struct EmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email",
        abstract: "Mail a report: HTML for mail clients and a plain-text version, over SMTP or sendmail.",
        discussion: """
            The HTML part is built for mail clients from the report's metrics.json (table layout, \
            inline styles, bars as tables, no images); the text part is the report's Markdown. \
            Defaults for the addresses, the subject and the server come from the [email] table of \
            the configuration file. The SMTP password is read from SMTP_PASSWORD and never printed.

            With [[audiences]] in the configuration, each audience's report in <report dir>/audiences/ \
            goes to that audience's own to and cc (--to and --cc set only the organisation's \
            recipients); an audience folder given as --report is mailed alone. With email.report_url \
            each message links to its report ("Read the full report", at the top and bottom); with \
            email.attach_pdf = true it carries the folder's report.pdf (made by report --pdf).

            smtp:// uses STARTTLS, required unless the server is this machine (loopback); smtps:// \
            uses TLS from the start. Each report is mailed once: the sent-log in the cache folder \
            (<cache>/sent-log.tsv), keyed by period and audience, makes a rerun say so and send only \
            what was not sent yet, unless --resend.

            Examples:
              robin-report email --report Output/2026-W47 --to leaders@example.com \\
                --from reports@example.com --smtp smtp://mail.example.com:587 --smtp-user reports
              robin-report email --report Output/2026-W47 --sendmail "msmtp -t"
              robin-report email --report Output/2026-W47 --dry-run   # writes Output/2026-W47/email.eml
            """)

    @Option(name: .long, help: ArgumentHelp("The report folder (e.g. Output/2026-W47).", valueName: "dir"))
    var report: String

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Recipients, as name@example.com or \"Name <name@example.com>\" (default: email.to).", valueName: "addr"))
    var to: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Copy recipients (default: email.cc).", valueName: "addr"))
    var cc: [String] = []

    @Option(name: .long, help: ArgumentHelp("The sender (default: email.from).", valueName: "addr"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp(
        "The subject; {period}, {from}, {to}, {folder}, {headline} and {audience} are filled in (default: email.subject, else \"\(EmailSettings.defaultSubject)\").",
        valueName: "text"))
    var subject: String?

    @Option(name: .long, help: ArgumentHelp(
        "Send over SMTP: smtp://host[:port] (STARTTLS, port 587) or smtps://host[:port] (TLS, port 465) (default: email.smtp_url).",
        valueName: "url"))
    var smtp: String?

    @Option(name: .customLong("smtp-user"), help: ArgumentHelp(
        "SMTP user (default: email.smtp_user); the password comes from SMTP_PASSWORD.", valueName: "user"))
    var smtpUser: String?

    @Flag(name: .customLong("no-starttls"), help: "Do not use STARTTLS (only to a loopback server, e.g. a local relay).")
    var noStartTLS = false

    @Option(name: .long, help: ArgumentHelp(
        "Send with a sendmail-compatible command that reads the message on stdin, e.g. \"msmtp -t\" (default: email.sendmail).",
        valueName: "cmd"))
    var sendmail: String?

    @Option(name: .customLong("sendmail-timeout"), help: ArgumentHelp(
        "Seconds the sendmail command may run; then it and every process it started are killed (default: 60).",
        valueName: "seconds"))
    var sendmailTimeout: Double?

    @Flag(name: .customLong("dry-run"), help: "Write the message to <report dir>/email.eml and send nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Send even what was already sent (see the sent-log).")
    var resend = false

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: ArgumentHelp("Cache folder, where the sent-log is kept (default: the config's cache, else .robin-cache).",
                                            valueName: "dir"))
    var cache: String?

    func validate() throws {
        if [smtp != nil, sendmail != nil, dryRun].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --smtp, --sendmail and --dry-run")
        }
        for address in [from].compactMap({ $0 }) + to + cc {
            if let problem = EmailAddress.problem(address) { throw ValidationError("\"\(address)\" \(problem)") }
        }
        if let subject, let problem = EmailSettings.subjectProblem(subject) { throw ValidationError("--subject: \(problem)") }
        if let smtp, let problem = SMTPServer.problem(smtp) { throw ValidationError("--smtp: the URL \(problem)") }
        if let sendmail, sendmail.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--sendmail needs a command, such as \"msmtp -t\"")
        }
        if let sendmailTimeout, !(sendmailTimeout > 0 && sendmailTimeout <= 86_400) {
            throw ValidationError("--sendmail-timeout \(sendmailTimeout): must be more than 0 and at most 86400 seconds")
        }
    }

    func run() async throws {
        let allSettings = try configOption.load()
        let settings = allSettings.email
        let transport = try self.transport(settings)
        guard let sender = from.flatMap(EmailAddress.init) ?? settings.from else {
            throw Failure.usage("no sender: give --from or set email.from in the configuration")
        }
        let recipients = to.isEmpty ? settings.to : to.compactMap(EmailAddress.init)
        var composer = EmailComposer(
            from: sender, to: recipients, cc: cc.isEmpty ? settings.cc : cc.compactMap(EmailAddress.init),
            subject: SubjectTemplate(subject ?? settings.subject))
        composer.reportURL = settings.reportURL
        composer.attachPDF = settings.attachPDF
        let delivery = EmailDelivery(composer: composer, audiences: allSettings.audiences, transport: transport,
                                     sentLog: SentLog(cacheDirectory: cache ?? allSettings.cacheDirectory), resend: resend)
        try delivery.deliver(reportFolder: report, each: say)
    }

    /// One line per report: sent (stdout), or why not (stderr).
    private func say(_ outcome: EmailDelivery.Outcome) {
        switch outcome {
        case .sent(let message, let destination, _):
            let line = dryRun
                ? "wrote \(destination) (dry run: nothing sent)"
                : "sent \"\(message.subject)\" to \(message.recipients.count) recipient\(message.recipients.count == 1 ? "" : "s") via \(destination)"
            FileHandle.standardOutput.write(Data("\(MessageText.escaped(line))\n".utf8))
        case .alreadySent(let entry, let log):
            // Not a failure: a rerun of the Monday job must not mail leadership twice,
            // and must let the steps after it (publish) run.
            let report = entry.period + (entry.audience.map { "/audiences/\($0)" } ?? "")
            let notice = "\(report) was already sent at \(entry.sentAt) to \(entry.recipients.joined(separator: ", ")) "
                + "(\(log)); nothing sent (add --resend to send it again)"
            FileHandle.standardError.write(Data("robin-report: \(MessageText.escaped(notice))\n".utf8))
        case .unconfirmed(let entry, let log):
            // Not a failure either: mailing twice is what the sent-log is for; the line asks for a check.
            let report = entry.period + (entry.audience.map { "/audiences/\($0)" } ?? "")
            let notice = "\(report): an earlier run handed the message of \(entry.sentAt) to "
                + "\(entry.recipients.joined(separator: ", ")) (\(log)) to the server and stopped before its answer: "
                + "delivery status unknown; nothing sent (check with the recipients; add --resend to send it again)"
            FileHandle.standardError.write(Data("robin-report: \(MessageText.escaped(notice))\n".utf8))
        case .noRecipients(let audience):
            let notice = "audience \"\(audience.name)\" has no to in its [[audiences]]; its report is not mailed"
            FileHandle.standardError.write(Data("robin-report: \(MessageText.escaped(notice))\n".utf8))
        }
    }

    private func transport(_ settings: EmailSettings) throws -> any MailTransport {
        if dryRun {
            return FileTransport(reportFolder: report)
        }
        if let command = sendmail ?? (smtp == nil ? settings.sendmail : nil) {
            return SendmailTransport(command: command, timeout: sendmailTimeout ?? SendmailTransport.defaultTimeout)
        }
        guard let server = smtp.flatMap(SMTPServer.init) ?? settings.smtpServer else {
            throw Failure.usage("say how to send: --smtp URL, --sendmail CMD or --dry-run "
                                + "(or set email.smtp_url or email.sendmail in the configuration)")
        }
        let password = ProcessInfo.processInfo.environment["SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        return try SMTPTransport(server: server, user: smtpUser ?? settings.smtpUser, password: password,
                                 startTLS: noStartTLS ? .never : nil)
    }
}

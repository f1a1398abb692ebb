import Testing
import RobinModel
@testable import RobinConfig

@Suite("Configuration: [email]")
struct EmailConfigTests {
    @Test("every key, read into EmailSettings")
    func everyKey() throws {
        let settings = try ConfigLoader.parse("""
            [email]
            from = "Workplace Team <reports@example.com>"
            to = ["ann@example.com", "Bjørn Ø <bo@example.com>"]
            cc = ["cfo@example.com"]
            subject = "Office week: {period}"
            smtp_url = "smtps://mail.example.com"
            smtp_user = "reports"
            report_url = "https://docs.example.com/reports/{folder}/report.html"
            attach_pdf = true
            """, file: "robin-report.toml")
        let email = settings.email
        #expect(email.from == EmailAddress("Workplace Team <reports@example.com>"))
        #expect(email.from?.name == "Workplace Team")
        #expect(email.to.map(\.address) == ["ann@example.com", "bo@example.com"])
        #expect(email.to[1].name == "Bjørn Ø")
        #expect(email.cc.map(\.address) == ["cfo@example.com"])
        #expect(email.subject == "Office week: {period}")
        #expect(email.smtpServer == SMTPServer("smtps://mail.example.com:465"))
        #expect(email.smtpUser == "reports")
        #expect(email.sendmail == nil)
        #expect(email.reportURL == "https://docs.example.com/reports/{folder}/report.html")
        #expect(email.attachPDF)
    }

    @Test("defaults: no addresses, the default subject, no server")
    func defaults() throws {
        let email = try ConfigLoader.parse("[email]\n", file: "c.toml").email
        #expect(email == EmailSettings())
        #expect(email.subject == "Workplace report - {period}")
        #expect(try ConfigLoader.parse("[email]\nsendmail = \"msmtp -t\"\n", file: "c.toml").email.sendmail == "msmtp -t")
    }

    @Test("errors name the file, the line and the key", arguments: [
        ("[email]\nfrm = \"a@example.com\"\n",
         "c.toml:2: unknown key \"email.frm\" (known here: from, to, cc, subject, smtp_url, smtp_user, sendmail, report_url, attach_pdf)"),
        ("[email]\nfrom = \"reports\"\n", "c.toml:2: email.from: \"reports\" is not an address like name@example.com"),
        ("[email]\nto = \"ann@example.com\"\n", "c.toml:2: email.to: must be an array"),
        ("[email]\nto = []\n", "c.toml:2: email.to: needs at least one address"),
        ("[email]\ncc = [\"ann@example.com\", 3]\n", "c.toml:2: email.cc: must be a non-empty string"),
        ("[email]\nsubject = \"Week {week}\"\n",
         "c.toml:2: email.subject: unknown placeholder {week} (known: {period}, {from}, {to}, {folder}, {headline}, {audience})"),
        ("[email]\nsubject = \"\"\n", "c.toml:2: email.subject: must be a non-empty string"),
        ("[email]\nsmtp_url = \"mail.example.com\"\n",
         "c.toml:2: email.smtp_url: must start with smtp:// (STARTTLS) or smtps:// (TLS)"),
        ("[email]\nsmtp_url = \"smtp://me:pw@mail.example.com\"\n",
         "c.toml:2: email.smtp_url: must not hold a user or password: give the user with --smtp-user (or email.smtp_user) and the password in SMTP_PASSWORD"),
        ("[email]\nsmtp_url = \"smtp://mail.example.com:0\"\n",
         "c.toml:2: email.smtp_url: has a port that is not a number from 1 to 65535"),
        ("[email]\nsmtp_user = 7\n", "c.toml:2: email.smtp_user: must be a non-empty string"),
        ("[email]\nsendmail = \"\"\n", "c.toml:2: email.sendmail: must be a non-empty string"),
        ("[email]\nsmtp_url = \"smtp://localhost\"\nsendmail = \"msmtp -t\"\n",
         "c.toml:3: email.sendmail: set smtp_url or sendmail, not both"),
        ("email = 3\n", "c.toml:1: email: must be a table"),
        ("[email]\nreport_url = \"https://docs.example.com/{period}/{week}/report.html\"\n",
         "c.toml:2: email.report_url: unknown placeholder {week} (known: {folder}, {period}, {audience})"),
        ("[email]\nreport_url = \"docs.example.com/{folder}\"\n",
         "c.toml:2: email.report_url: \"docs.example.com/{folder}\" must start with https:// or http://"),
        ("[email]\nreport_url = \"https://docs.example.com/my reports/{folder}\"\n",
         "c.toml:2: email.report_url: \"https://docs.example.com/my reports/{folder}\" has \" \", which a URL must percent-encode"),
        ("[email]\nreport_url = \"https://docs.example.com/{folder\"\n",
         "c.toml:2: email.report_url: has a { with no closing }"),
        ("[email]\nattach_pdf = \"yes\"\n", "c.toml:2: email.attach_pdf: must be true or false, not \"yes\""),
    ])
    func errors(text: String, message: String) throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
        #expect(error.description == message)
    }

    @Test("a password in smtp_url is never repeated in the error")
    func noSecretInError() throws {
        let error = try #require(throws: ConfigError.self) {
            try ConfigLoader.parse("[email]\nsmtp_url = \"smtp://me:hunter2@mail.example.com\"\n", file: "c.toml")
        }
        #expect(!error.description.contains("hunter2"))
    }
}

import Foundation
import RobinModel
import TOMLKit

/// Reads the TOML configuration file into `Settings`. Every key is optional;
/// an unknown key or a value of the wrong kind is an error naming the key and,
/// where it can be found, its line.
public struct ConfigLoader {
    let file: String
    let lines: [Substring]

    /// Reads and validates `path`.
    public static func load(path: String) throws(ConfigError) -> Settings {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, message: "cannot read: \((error as NSError).localizedDescription)")
        }
        return try parse(text, file: path)
    }

    /// Validates TOML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> Settings {
        // The TOML parser reads a C string: a NUL would silently end the file there,
        // and the keys after it would never be checked.
        if let place = Self.firstNUL(in: text) {
            throw ConfigError(file: file, line: place.line, column: place.column,
                              message: "a NUL character (\\0) is not allowed in the configuration")
        }
        // What TOMLKit would crash on or silently cut short.
        if let problem = TOMLPrecheck.firstProblem(in: text) {
            throw ConfigError(file: file, line: problem.line, column: problem.column, message: problem.message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, column: error.source.begin.column,
                              message: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigError(file: file, message: "not valid TOML: \(error)")
        }
        return try ConfigLoader(file: file, lines: text.split(separator: "\n", omittingEmptySubsequences: false))
            .settings(from: table)
    }

    /// Line and column (1-based, counting Unicode scalars) of the first NUL in `text`.
    static func firstNUL(in text: String) -> (line: Int, column: Int)? {
        guard let index = text.unicodeScalars.firstIndex(of: "\0") else { return nil }
        let before = text.unicodeScalars[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.unicodeScalars.index(after: $0) } ?? text.unicodeScalars.startIndex
        return (line, text.unicodeScalars[lineStart..<index].count + 1)
    }

    func settings(from table: TOMLTable) throws(ConfigError) -> Settings {
        var settings = Settings()
        for (key, value) in table {
            switch key {
            case "org_id": settings.organizationID = try positiveInt(value, key)
            case "location_ids":
                settings.locationIDs = try array(value, key).map { (item) throws(ConfigError) in try positiveInt(item, key) }
            case "timezone": settings.timeZone = try timeZone(value, key)
            case "workweek": settings.workweek = try workweek(value, key)
            case "business_hours": settings.businessHours = try businessHours(value, key)
            case "min_group_size": settings.minGroupSize = try positiveInt(value, key)
            case "output": settings.outputDirectory = try nonEmptyString(value, key)
            case "cache": settings.cacheDirectory = try nonEmptyString(value, key)
            case "policy":
                for (name, item) in try subtable(value, key) {
                    guard name == "days_per_week" else { throw unknown("policy.\(name)", known: ["days_per_week"]) }
                    let days = try number(item, "policy.days_per_week")
                    guard days > 0, days <= 7 else {
                        throw invalid("policy.days_per_week", "must be more than 0 and at most 7, not \(days)")
                    }
                    settings.daysPerWeek = days
                }
            case "buildings":
                for (name, item) in try subtable(value, key) {
                    settings.buildings[name] = try building(item, "buildings.\(quoted(name))")
                }
            case "email": settings.email = try email(value, key)
            case "closed_dates": settings.closedDates = try closedDates(value, key)
            case "targets": settings.targets = try targets(value, key)
            case "fetch":
                for (name, item) in try subtable(value, key) {
                    guard name == "settle_hours" else { throw unknown("fetch.\(name)", known: ["settle_hours"]) }
                    let hours = try number(item, "fetch.settle_hours")
                    guard hours >= 0, hours <= 744 else {
                        throw invalid("fetch.settle_hours", "must be from 0 to 744 (31 days), not \(hours)")
                    }
                    settings.settleHours = hours
                }
            case "pdf": settings.pdf = try pdf(value, key)
            case "audiences": settings.audiences = try audiences(value, key)
            default:
                throw unknown(key, known: ["org_id", "location_ids", "timezone", "workweek", "business_hours",
                                           "closed_dates", "min_group_size", "output", "cache", "policy", "targets",
                                           "buildings", "email", "fetch", "pdf", "audiences"])
            }
        }
        return settings
    }

    private func building(_ value: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> Settings.Building {
        var building = Settings.Building()
        for (key, item) in try subtable(value, path) {
            switch key {
            case "timezone": building.timeZone = try timeZone(item, "\(path).timezone")
            case "desks": building.desks = try count(item, "\(path).desks")
            case "rooms": building.rooms = try count(item, "\(path).rooms")
            case "floors":
                for (floor, entry) in try subtable(item, "\(path).floors") {
                    let floorPath = "\(path).floors.\(quoted(floor))"
                    var settings = Settings.Floor()
                    for (name, number) in try subtable(entry, floorPath) {
                        switch name {
                        case "desks": settings.desks = try count(number, "\(floorPath).desks")
                        case "rooms": settings.rooms = try count(number, "\(floorPath).rooms")
                        default: throw unknown("\(floorPath).\(name)", known: ["desks", "rooms"])
                        }
                    }
                    building.floors[floor] = settings
                }
            default: throw unknown("\(path).\(key)", known: ["timezone", "desks", "rooms", "floors"])
            }
        }
        return building
    }

    private func email(_ value: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> EmailSettings {
        var email = EmailSettings()
        let known = ["from", "to", "cc", "subject", "smtp_url", "smtp_user", "sendmail", "report_url", "attach_pdf"]
        for (key, item) in try subtable(value, path) {
            let name = "\(path).\(key)"
            switch key {
            case "from": email.from = try address(item, name)
            case "to", "cc":
                let list = try array(item, name)
                guard key == "cc" || !list.isEmpty else { throw invalid(name, "needs at least one address") }
                let addresses = try list.map { (entry) throws(ConfigError) in try address(entry, name) }
                if key == "to" { email.to = addresses } else { email.cc = addresses }
            case "subject":
                let template = try nonEmptyString(item, name)
                if let problem = EmailSettings.subjectProblem(template) { throw invalid(name, problem) }
                email.subject = template
            case "smtp_url":
                let text = try nonEmptyString(item, name)
                guard let server = SMTPServer(text) else { throw invalid(name, SMTPServer.problem(text) ?? "bad URL") }
                email.smtpServer = server
            case "smtp_user":
                let user = try nonEmptyString(item, name)
                if user.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    throw invalid(name, "must be one line")
                }
                email.smtpUser = user
            case "sendmail":
                let command = try nonEmptyString(item, name)
                if command.contains("\n") || command.contains("\r") { throw invalid(name, "must be one line") }
                email.sendmail = command
            case "report_url":
                let template = try nonEmptyString(item, name)
                if let problem = EmailSettings.reportURLProblem(template) { throw invalid(name, problem) }
                email.reportURL = template
            case "attach_pdf":
                guard item.type == .bool, let attach = item.bool else { throw invalid(name, "must be true or false, not \(item)") }
                email.attachPDF = attach
            default: throw unknown(name, known: known)
            }
        }
        if email.smtpServer != nil && email.sendmail != nil {
            throw invalid("\(path).sendmail", "set smtp_url or sendmail, not both")
        }
        return email
    }

    /// `pdf = true` / `false`, or `[pdf]` with `enabled` (a boolean) and `browser` (a name or a path).
    private func pdf(_ value: any TOMLValueConvertible, _ path: String) throws(ConfigError) -> Settings.PDF {
        if value.type == .bool, let enabled = value.bool { return Settings.PDF(enabled: enabled) }
        guard let table = value.table else {
            throw invalid(path, "must be true, false, or a table with enabled and browser, not \(value)")
        }
        var pdf = Settings.PDF()
        for (key, item) in table {
            let name = "\(path).\(key)"
            switch key {
            case "enabled":
                guard item.type == .bool, let enabled = item.bool else { throw invalid(name, "must be true or false, not \(item)") }
                pdf.enabled = enabled
            case "browser":
                let browser = try nonEmptyString(item, name)
                if browser.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    throw invalid(name, "must be one line")
                }
                pdf.browser = browser
            default: throw unknown(name, known: ["enabled", "browser"])
            }
        }
        return pdf
    }

    private func address(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> EmailAddress {
        let text = try nonEmptyString(value, key)
        guard let address = EmailAddress(text) else {
            throw invalid(key, "\"\(text)\" \(EmailAddress.problem(text) ?? "is not an address")")
        }
        return address
    }

    private func workweek(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> Set<Int> {
        var days = Set<Int>()
        for item in try array(value, key) {
            guard let name = item.string, let index = Weekday.names.firstIndex(where: {
                $0.lowercased() == name.trimmingCharacters(in: .whitespaces).prefix(3).lowercased()
                    && name.count >= 3
            }) else {
                throw invalid(key, "weekdays are Mon, Tue, Wed, Thu, Fri, Sat, Sun, not \(item)")
            }
            days.insert(index + 1)
        }
        guard !days.isEmpty else { throw invalid(key, "needs at least one weekday") }
        return days
    }

    /// `closed_dates`: `YYYY-MM-DD` strings or TOML dates, each once.
    private func closedDates(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> Set<LocalDate> {
        var dates = Set<LocalDate>()
        for item in try array(value, key) {
            let date: LocalDate?, shown: String
            if let text = item.string {
                (date, shown) = (LocalDate(text), "\"\(text)\"")
            } else if item.type == .date, let toml = item.date {
                (date, shown) = (LocalDate(year: toml.year, month: toml.month, day: toml.day), "\(toml)")
            } else {
                (date, shown) = (nil, "\(item)")
            }
            guard let date else {
                throw ConfigError(file: file, line: line(of: shown, after: key), message: "\(key): \(shown) is not a date (YYYY-MM-DD)")
            }
            guard dates.insert(date).inserted else {
                throw ConfigError(file: file, line: line(of: "\(date)", after: key, occurrence: 2),
                                  message: "\(key): \(date) is listed twice")
            }
        }
        return dates
    }

    /// `[targets]`: a goal per `TargetMeasure`, from 0 to its maximum.
    private func targets(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> [TargetMeasure: Double] {
        var targets: [TargetMeasure: Double] = [:]
        for (name, item) in try subtable(value, key) {
            guard let measure = TargetMeasure(rawValue: name) else {
                throw unknown("\(key).\(name)", known: TargetMeasure.allCases.map(\.rawValue))
            }
            let goal = try number(item, "\(key).\(name)")
            guard goal >= 0, goal <= measure.maximum else {
                let range = measure == .avgDaysPerPerson ? "days, from 0 to 7" : "a ratio from 0 to 1 (0.7 = 70%)"
                throw invalid("\(key).\(name)", "must be \(range), not \(Self.shown(goal))")
            }
            targets[measure] = goal
        }
        return targets
    }

    /// A number as a person wrote it: `70`, not `70.0`.
    static func shown(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    private func businessHours(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> Settings.BusinessHours {
        var start = 9 * 60, end = 17 * 60
        for (name, item) in try subtable(value, key) {
            guard name == "start" || name == "end" else { throw unknown("\(key).\(name)", known: ["start", "end"]) }
            let text = try nonEmptyString(item, "\(key).\(name)")
            let parts = text.split(separator: ":")
            guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
                  let hours = Int(parts[0]), let minutes = Int(parts[1]),
                  (0...24).contains(hours), (0...59).contains(minutes), hours * 60 + minutes <= 24 * 60
            else { throw invalid("\(key).\(name)", "\"\(text)\" is not a time of day like \"09:00\"") }
            if name == "start" { start = hours * 60 + minutes } else { end = hours * 60 + minutes }
        }
        guard start < end else { throw invalid(key, "start must be before end") }
        return Settings.BusinessHours(start: start, end: end)
    }

    private func timeZone(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> String {
        let name = try nonEmptyString(value, key)
        guard TimeZone(identifier: name) != nil else {
            throw invalid(key, "\"\(name)\" is not a time zone (use an IANA id such as America/New_York)")
        }
        return name
    }

    private func subtable(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> TOMLTable {
        guard let table = value.table else { throw invalid(key, "must be a table") }
        return table
    }

    private func array(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> TOMLArray {
        guard let array = value.array else { throw invalid(key, "must be an array") }
        return array
    }

    private func nonEmptyString(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> String {
        guard let text = value.string, !text.isEmpty else { throw invalid(key, "must be a non-empty string") }
        return text
    }

    private func positiveInt(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> Int {
        guard value.type == .int, let number = value.int, number > 0 else {
            throw invalid(key, "must be a whole number above 0, not \(value)")
        }
        return number
    }

    /// The most desks or rooms an inventory count may give: larger is a typo,
    /// and would overflow the utilization arithmetic.
    static let maxInventory = 1_000_000

    private func count(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> Int {
        guard value.type == .int, let number = value.int, number >= 0, number <= Self.maxInventory else {
            throw invalid(key, "must be a whole number from 0 to 1,000,000, not \(value)")
        }
        return number
    }

    private func number(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> Double {
        if value.type == .int, let number = value.int { return Double(number) }
        if value.type == .double, let number = value.double { return number }
        throw invalid(key, "must be a number, not \(value)")
    }

    private func quoted(_ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } ? name : "\"\(name)\""
    }

    private func unknown(_ key: String, known: [String]) -> ConfigError {
        ConfigError(file: file, line: line(of: key), message: "unknown key \"\(key)\" (known here: \(known.joined(separator: ", ")))")
    }

    func invalid(_ key: String, _ problem: String) -> ConfigError {
        ConfigError(file: file, line: line(of: key), message: "\(key): \(problem)")
    }

    /// The first line that assigns or opens the last part of a dotted key (best effort).
    private func line(of key: String) -> Int? {
        let last = key.split(separator: ".").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? key
        for (index, line) in lines.enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("#") { continue }
            if text.hasPrefix("[") ? text.contains(last) : assigns(text, last) { return index + 1 }
        }
        return nil
    }

    /// The line of the `occurrence`-th appearance of `text` at or after the line
    /// that assigns `key` (a value inside a multi-line array); else the key's line.
    private func line(of text: String, after key: String, occurrence: Int = 1) -> Int? {
        guard let start = line(of: key) else { return nil }
        var seen = 0
        for index in (start - 1)..<lines.count {
            var rest = lines[index]
            if index == start - 1, let equals = rest.firstIndex(of: "=") { rest = rest[rest.index(after: equals)...] }
            if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
            seen += rest.components(separatedBy: text).count - 1
            if seen >= occurrence { return index + 1 }
        }
        return start
    }

    /// Whether `line` holds `key = ...`, at its start or inside an inline table.
    func assigns(_ line: String, _ key: String) -> Bool {
        var rest = Substring(line)
        while let range = rest.range(of: key) {
            let before = rest[..<range.lowerBound].last
            let after = rest[range.upperBound...].drop { $0 == "\"" || $0 == " " }.first
            if (before == nil || " {,.\"".contains(before!)) && after == "=" { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}

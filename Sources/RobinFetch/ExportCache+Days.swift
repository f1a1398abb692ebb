import Foundation
import RobinModel

/// When each cached day was fetched, and so whether it is final.
///
/// The record is a sidecar, `<date>.csv.fetched` (`{"fetched_at": "...Z"}`),
/// written atomically *after* the CSV. A run killed between the two renames
/// leaves the new CSV beside the previous record (an earlier time, so the day
/// can only look provisional, never wrongly final) or, on a first fetch, no
/// record. A CSV without a record (also one cached before records existed)
/// counts as fetched at its modification time: the atomic rename that made it
/// happened right after its download, so a CSV fetched too early shows it.
/// (Copying a cache without keeping file times, as plain `cp -r` does, makes
/// its old days look fetched at copy time; copy with `cp -p` or `rsync -t`.)
/// An unreadable record, or one that is not a regular file, makes the day
/// provisional.
extension ExportCache {
    /// The record of when one day was fetched.
    public func recordPath(kind: ExportKind, date: LocalDate) -> String {
        path(kind: kind, date: date) + ".fetched"
    }

    /// What the cache holds for one day under `rule`.
    public func state(kind: ExportKind, date: LocalDate, rule: SettleRule) -> DayState {
        guard case .regular(let modified) = CacheEntry(path: path(kind: kind, date: date)) else { return .missing }
        let fetchedAt: Date?
        switch CacheEntry(path: recordPath(kind: kind, date: date)) {
        case .none: fetchedAt = modified
        case .regular: fetchedAt = readRecord(kind: kind, date: date)
        case .other: fetchedAt = nil
        }
        guard let fetchedAt else { return .provisional(fetchedAt: nil) }
        return rule.isFinal(date, fetchedAt: fetchedAt) ? .final(fetchedAt: fetchedAt) : .provisional(fetchedAt: fetchedAt)
    }

    /// The days of `period` cached but provisional under `rule`, in order:
    /// what a report built now should name as possibly incomplete.
    public func provisionalDays(kind: ExportKind, in period: Period, rule: SettleRule) -> [LocalDate] {
        period.dates.filter {
            if case .provisional = state(kind: kind, date: $0, rule: rule) { return true }
            return false
        }
    }

    /// When one day was fetched, from its record (nil: no readable record).
    public func fetchedAt(kind: ExportKind, date: LocalDate) -> Date? {
        readRecord(kind: kind, date: date)
    }

    /// Writes the record that one day was fetched at `date` (atomically).
    func recordFetch(kind: ExportKind, date: LocalDate, at fetchedAt: Date) throws(FetchError) {
        let text = "{\"fetched_at\":\"\(ExportCache.timestamp(fetchedAt))\"}\n"
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(text, to: recordPath(kind: kind, date: date))
        } catch {
            throw .io(error.path, error.reason)
        }
    }

    private func readRecord(kind: ExportKind, date: LocalDate) -> Date? {
        guard let data = CacheEntry.readRegular(recordPath(kind: kind, date: date)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let text = object["fetched_at"] as? String
        else { return nil }
        return ISO8601DateFormatter().date(from: text)
    }

    /// `2026-11-23T07:00:12Z`: UTC, whole seconds rounded down (never later than the fetch).
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }
}

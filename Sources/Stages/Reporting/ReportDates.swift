import Foundation

/// Dates as a report shows them, in UTC and independent of the machine's locale.
public enum ReportDates {
    private static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static func parts(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year, .month, .day], from: date)
    }

    /// "5 March 2024".
    public static func long(_ date: Date) -> String {
        let p = parts(date)
        return "\(p.day!) \(months[p.month! - 1]) \(p.year!)"
    }

    /// "2024-03-05".
    public static func iso(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%04d-%02d-%02d", p.year!, p.month!, p.day!)
    }
}

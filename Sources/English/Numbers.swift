/// Years, numbers written as words and scale words.
public enum Numbers {
    /// The years a statement can mean by a four-digit number.
    public static let years = 1800 ... 2099

    /// Whether `number` (digits, as a statement writes them) is a year.
    public static func isYear(_ number: String) -> Bool {
        number.count == 4 && Int(number).map(years.contains) == true
    }

    /// The years mentioned in `text`: runs of exactly four ASCII digits in `years` ("1,949" is not one).
    public static func years(in text: String) -> [Int] {
        var found: [Int] = []
        var digits = ""
        for character in text + " " {
            if character.isASCII, character.isNumber { digits.append(character); continue }
            if digits.count == 4, let year = Int(digits), years.contains(year) { found.append(year) }
            digits = ""
        }
        return found
    }

    /// Numbers written as words, with their digits.
    public static let spelled: [String: String] = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
        "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
        "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
    ]

    /// Words that scale the number before them ("4 million").
    public static let multipliers: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]

    /// The number `word` (lower case) states, as digits: a spelled number, or digits with thousands separators and a
    /// trailing "%" removed ("1,200" → "1200", "4.5%" → "4.5"); nil for other words.
    public static func value(of word: String) -> String? {
        if let digits = spelled[word] { return digits }
        var digits = word.hasSuffix("%") ? String(word.dropLast()) : word
        guard digits.first?.isNumber == true else { return nil }
        digits.removeAll { $0 == "," }
        guard digits.allSatisfy({ $0.isNumber || $0 == "." }), Double(digits) != nil else { return nil }
        return digits
    }
}

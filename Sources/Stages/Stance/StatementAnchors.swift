import English
import Foundation

/// What a statement is anchored to, for deciding whether a sentence can speak to it: the names it mentions
/// (capitalised words and acronyms), its numbers, and its quantities (a number with the word it counts,
/// "30 member states" → 30 "member").
struct StatementAnchors: Sendable, Equatable {
    /// A number with the word it counts, e.g. "about 4.4 million people" → 4,400,000 "people", approximate.
    struct Quantity: Sendable, Equatable {
        var value: Double
        var unit: String
        /// Hedged ("about", "more than", "nearly" …): never contradicts another figure.
        var approximate: Bool
    }

    /// Runs of adjacent names ("Albert Einstein", "Harry S. Truman"; "Paris, France" is two), lower-cased.
    private(set) var namePhrases: [[String]]
    /// The index of the word each run of names starts at.
    private(set) var namePhraseStarts: [Int]
    /// The runs (by index) written with a possessive "'s" ("Shakespeare" in "Shakespeare's Hamlet").
    private(set) var possessivePhrases: Set<Int>
    /// Lower-cased names, in order of mention.
    var names: [String] { namePhrases.flatMap { $0 } }
    /// The last word of each run of names ("einstein", "truman"): what a sentence must mention to be about that
    /// name, so "Albert Camus" is not about Albert Einstein.
    var nameHeads: [String] { namePhrases.map { $0.last! } }
    /// The first word when it was taken for a name only because it is capitalised at the start ("Global" in "Global
    /// warming is …"); a caller that sees it written in lower case elsewhere drops it with `droppingInitialName(ifLowerCaseIn:)`.
    private(set) var initialName: String?
    /// Numbers as written without separators ("1,000" → "1000"; number words up to twenty → digits).
    var numbers: [String]
    var quantities: [Quantity]
    /// Places in a ranking ("the largest", "the second-most-populous").
    let ranks: [Rank]
    /// Lower-cased words, for whole-word and prefix matching.
    let words: [String]
    /// Stems of the words that are not function words, numbers included.
    let contentStems: Set<String>

    init(_ text: String) {
        let read = Self.tokens(text)
        let tokens = read.map(\.token)
        words = tokens.map { $0.lowercased() }
        ranks = Self.ranks(in: words)
        contentStems = Set(words.filter { !StopWords.anchors.contains($0) }.map(Self.stem))
        namePhrases = []
        namePhraseStarts = []
        possessivePhrases = []
        numbers = []
        quantities = []
        var continuesName = false
        for (index, token) in tokens.enumerated() {
            let word = words[index]
            if let number = Numbers.value(of: word) {
                numbers.append(number)
                if token.first!.isNumber, let quantity = Self.quantity(at: index, value: number, words: words) { quantities.append(quantity) }
                continuesName = false
            } else if Self.isName(token) {
                let name = Self.droppingLowerCaseTail(token)?.lowercased() ?? word
                if continuesName {
                    namePhrases[namePhrases.count - 1].append(name)
                } else {
                    namePhrases.append([name])
                    namePhraseStarts.append(index)
                }
                if read[index].possessive { possessivePhrases.insert(namePhrases.count - 1) }
                if index == 0, token.dropFirst().allSatisfy(\.isLowercase) { initialName = word }
                continuesName = !read[index].endsClause
            } else {
                continuesName = false
            }
        }
    }

    /// The anchors of a claim: those of `text`, but the names only of what it claims, not of who reported it
    /// ("Vaxart" in "In September, Vaxart reported that mice given the vaccine made antibodies"; see `AttributionFrame`).
    init(claim text: String) {
        self.init(text)
        let content = AttributionFrame.content(of: text)
        guard content != text, !content.isEmpty else { return }
        let reported = StatementAnchors(content)
        namePhrases = reported.namePhrases
        namePhraseStarts = reported.namePhraseStarts.map { _ in -1 }  // positions in the reported content, not in `text`
        possessivePhrases = reported.possessivePhrases
        initialName = reported.initialName
    }

    /// Whether this mentions a run of names of `other` by its last word (see `nameHeads`); true when `other` names nothing.
    func isAbout(anyNameOf other: StatementAnchors) -> Bool {
        other.nameHeads.isEmpty || other.nameHeads.contains(where: mentions)
    }

    /// The run of names the statement is about: the first one that is not a possessive ("hamlet" in "Shakespeare's
    /// Hamlet is set in Norway", "vltava river" in "The Vltava River flows through Prague"); nil when it names nothing.
    var subject: [String]? {
        namePhrases.indices.first { !possessivePhrases.contains($0) }.map { namePhrases[$0] }
    }

    /// Whether the statement opens with a run of names that is `phrase` (after an optional "The"): "Japan is not a
    /// member …" opens with Japan; "Located in Central Canada, Ontario …" does not.
    func opens(with phrase: [String]) -> Bool {
        guard let first = namePhraseStarts.indices.first, namePhraseStarts[first] == 0 || (namePhraseStarts[first] == 1 && words.first == "the")
        else { return false }
        return Self.isRun(namePhrases[first], like: phrase)
    }

    /// Whether the first words (after an optional "The") are `phrase`: a headline such as "NATO Enlargement to Sweden
    /// and Finland", every word capitalised, begins with NATO and is about it.
    func begins(with phrase: [String]) -> Bool {
        let start = words.first == "the" ? 1 : 0
        guard !phrase.isEmpty, words.count >= start + phrase.count else { return false }
        return zip(words[start...], phrase).allSatisfy { Self.matches($0, $1) }
    }

    /// Whether one of the runs of names here is `phrase`, possibly with more words before it: "History of Canada" has
    /// "Canada" and "Amazon River" has "Amazon River", but "Northeast Greenland National Park" is about a park, not
    /// Greenland, and "Paraná River" is not the Amazon.
    func hasNameRun(like phrase: [String]) -> Bool {
        namePhrases.contains { Self.isRun($0, like: phrase) }
    }

    /// Whether this (a title) names one particular thing: it opens with a name that is not a common English word
    /// ("Ontario", "Barack Obama", "Paraná River", but not "Carbon dioxide" or "History of Canada").
    var namesAnEntity: Bool {
        namePhraseStarts.first == 0 && !CommonWords.contains(words[0])
    }

    /// The initials of the words that are not function words ("ipcc" for "Intergovernmental Panel on Climate Change").
    var initials: String {
        String(words.filter { !StopWords.anchors.contains($0) }.compactMap(\.first))
    }

    private static func isRun(_ run: [String], like phrase: [String]) -> Bool {
        guard let head = phrase.last, let runHead = run.last, matches(runHead, head) else { return false }
        return phrase.allSatisfy { word in run.contains { matches($0, word) } }
    }

    /// Whether `name` occurs here as a word, as the start of a longer word ("Japan" in "Japanese"), in its singular
    /// ("Vaccines" in "vaccine") or in another spelling of the same name ("SARS-CoV-2" for "COVID-19").
    func mentions(_ name: String) -> Bool {
        let spellings = Self.aliases[name] ?? [name]
        return words.contains { word in spellings.contains { Self.matches(word, $0) } }
    }

    /// Whether `word` is `name`, a longer form of it ("japanese") or its singular ("vaccine" for "vaccines").
    private static func matches(_ word: some StringProtocol, _ name: String) -> Bool {
        word == name || (name.count >= 4 && word.hasPrefix(name)) || (word.count >= 4 && word.count >= name.count - 1 && name.hasPrefix(word))
    }

    /// The share of `other`'s content words (by stem) that occur here.
    func coverage(of other: StatementAnchors) -> Double {
        guard !other.contentStems.isEmpty else { return 1 }
        let found = other.contentStems.filter(contentStems.contains)
        return Double(found.count) / Double(other.contentStems.count)
    }

    /// Stems of the content words that are neither names nor numbers: what the statement says about its subject
    /// ("found" in "NATO was founded in 1949").
    var predicateStems: Set<String> {
        contentStems.subtracting(names.map(Self.stem)).subtracting(numbers.map(Self.stem))
    }

    /// A crude stem: without a plural "s", at most five letters ("states" → "state", "founded" → "found").
    static func stem(_ word: String) -> String {
        String(Plural.singular(word).prefix(5))
    }

    /// These anchors without the sentence-initial word taken for a name when it is an ordinary word: one of `texts`
    /// writes it in lower case ("Global" in "Global warming is …" when a passage says "global warming"), or none
    /// writes it capitalised inside a sentence and it has an ordinary word's ending ("Researchers found …", "Wearing
    /// masks …") or is a common English word (`CommonWords`: "Sunlight reduces …"). A word the texts never mention and
    /// that could be a name ("Tuvalu") stays a name.
    func droppingInitialName(ifLowerCaseIn texts: some Sequence<String>) -> StatementAnchors {
        guard let initialName, names.first == initialName else { return self }
        let capitalised = initialName.prefix(1).uppercased() + initialName.dropFirst()
        var writtenLowerCase = false, writtenAsName = false
        for text in texts {
            let words = text.split { !$0.isLetter && !$0.isNumber && $0 != "." }
            for (index, word) in words.enumerated() {
                let bare = word.hasSuffix(".") ? word.dropLast() : word
                if Self.matches(bare, initialName) { writtenLowerCase = true }
                if bare == capitalised, index > 0, !words[index - 1].hasSuffix(".") { writtenAsName = true }
            }
        }
        let ordinaryWord = Self.hasOrdinaryWordEnding(initialName) || CommonWords.contains(initialName)
        guard writtenLowerCase || (!writtenAsName && ordinaryWord) else { return self }
        var anchors = self
        anchors.namePhrases[0].removeFirst()
        if anchors.namePhrases[0].isEmpty { anchors.namePhrases.removeFirst() }
        anchors.initialName = nil
        return anchors
    }

    /// Endings that mark an inflected or derived common word rather than a name: "researchers", "scientists",
    /// "studies", "patients", "infections", "wearing".
    private static func hasOrdinaryWordEnding(_ word: String) -> Bool {
        word.count >= 5 && ["ers", "ists", "ies", "ents", "ions", "ing"].contains(where: word.hasSuffix)
    }

    /// Whether the number occurs here as written.
    func contains(number: String) -> Bool { numbers.contains(number) }

    /// Whether a year (1800–2099) is mentioned.
    var hasYear: Bool { numbers.contains(where: Numbers.isYear) }
    /// Whether a number other than a year is mentioned.
    var hasCount: Bool { numbers.contains { !Numbers.isYear($0) } }


    // MARK: - Reading

    /// Spellings of the same name that a sentence may use instead; kept small: names whose usual spellings share no
    /// prefix.
    private static let aliases: [String: [String]] = {
        let groups = [["covid-19", "covid", "sars-cov-2", "2019-ncov", "coronavirus"], ["us", "u.s", "usa", "america", "american"],
                      ["uk", "u.k", "britain", "british"]]
        var table: [String: [String]] = [:]
        for group in groups { for name in group { table[name] = group } }
        return table
    }()
    /// A name with a lower-case word joined by a hyphen, without that word: "COVID-19-positive" → "COVID-19",
    /// "Ebola-infected" → "Ebola"; nil for other tokens.
    private static func droppingLowerCaseTail(_ token: String) -> Substring? {
        guard let hyphen = token.lastIndex(of: "-") else { return nil }
        let head = token[..<hyphen], tail = token[token.index(after: hyphen)...]
        guard tail.count >= 3, tail.allSatisfy({ $0.isLetter && $0.isLowercase }), head.contains(where: \.isUppercase) else { return nil }
        return head
    }

    /// A capitalised word that is not a function word or a month ("NATO", "Japan", but not a sentence-initial "The" or
    /// "Is", nor "June").
    private static func isName(_ token: String) -> Bool {
        guard let first = token.first, first.isUppercase, !Lexicon.calendarWords.contains(token.lowercased()) else { return false }
        return (token.count > 1 && token == token.uppercased()) || !StopWords.anchors.contains(token.lowercased())
    }

    /// Words with surrounding punctuation and a possessive "'s" removed (`possessive` says so); numbers keep their inner
    /// "." and ",".
    /// `endsClause`: punctuation other than a full stop after an initial ("S.") followed the word, so a name does not
    /// run on into the next one ("Paris, France").
    private static func tokens(_ text: String) -> [(token: String, endsClause: Bool, possessive: Bool)] {
        var read: [(token: String, endsClause: Bool, possessive: Bool)] = []
        let isSeparator = { (c: Character) in c.isWhitespace || "–—/()[]\"“”".contains(c) }
        var index = text.startIndex
        while index < text.endIndex {
            guard !isSeparator(text[index]) else { index = text.index(after: index); continue }
            let end = text[index...].firstIndex(where: isSeparator) ?? text.endIndex
            var token = text[index ..< end]
            let followedByBracket = end < text.endIndex && !text[end].isWhitespace
            index = end
            while let first = token.first, !first.isLetter, !first.isNumber { token = token.dropFirst() }
            var trailing = false
            while let last = token.last, !last.isLetter, !last.isNumber, last != "%" { token = token.dropLast(); trailing = true }
            let possessive = token.hasSuffix("'s") || token.hasSuffix("’s")
            if possessive { token = token.dropLast(2); trailing = true }
            guard !token.isEmpty else { continue }
            let initial = token.count == 1 && token.first!.isUppercase
            read.append((String(token), followedByBracket || (trailing && !initial), possessive))
        }
        return read
    }

    /// The quantity a number at `index` states: scaled by a following "million" etc., counting the next content word.
    private static func quantity(at index: Int, value: String, words: [String]) -> Quantity? {
        guard !Numbers.isYear(value), var amount = Double(value) else { return nil }
        var next = index + 1
        if words[index].hasSuffix("%") {
            return Quantity(value: amount, unit: "percent", approximate: isHedged(before: index, words: words))
        }
        if next < words.count, let multiplier = Numbers.multipliers[words[next]] {
            amount *= multiplier
            next += 1
        }
        guard next < words.count else { return nil }
        var unit = words[next]
        if unit == "per", next + 1 < words.count, words[next + 1] == "cent" { unit = "percent" }
        guard unit.allSatisfy(\.isLetter), !StopWords.anchors.contains(unit) else { return nil }
        return Quantity(value: amount, unit: Plural.singular(unit), approximate: isHedged(before: index, words: words))
    }

    private static func isHedged(before index: Int, words: [String]) -> Bool {
        words[max(0, index - 2) ..< index].contains(where: Lexicon.approximators.contains)
    }
}

import English
/// Finds where the subject of an inverted question ends, e.g. `[the Great Wall of China] visible from space`
/// after "Is", or `[climate change] cause wildfires` after "Does".
///
/// The subject is a noun phrase: determiners, a head word, and what continues it (`of`/`and` phrases,
/// possessives, names, compound nouns). It ends where the rest starts to look like
/// - a predicate (after be and have): an article, preposition, adverb, adjective, participle, -ing verb or number;
/// - a verb (after do and modals): an adverb, or a known verb not followed by another verb, or an unknown word
///   not followed by a known verb.
enum SubjectFinder {
    enum Continuation {
        /// After be or have: a complement or participle follows the subject.
        case predicate
        /// After do or a modal: a verb in its base form follows the subject.
        case verb
    }

    /// The index of the first token after the subject, or `nil` when no boundary is found.
    /// - Parameter pluralAgreement: whether the auxiliary requires a plural subject (`are`, `do`), if known.
    static func end(of tokens: [Token], continuation: Continuation, pluralAgreement: Bool?) -> Int? {
        var scanner = Scanner(tokens: tokens, continuation: continuation, pluralAgreement: pluralAgreement)
        if let end = scanner.findEnd() { return end }
        // "Is sitting the new smoking?": if a gerund's object leaves no predicate, the gerund is the whole subject.
        guard scanner.tookGerundObject else { return nil }
        var withoutObject = Scanner(tokens: tokens, continuation: continuation, pluralAgreement: pluralAgreement,
                                    allowsGerundObject: false)
        return withoutObject.findEnd()
    }

    private struct Scanner {
        let tokens: [Token]
        let continuation: Continuation
        let pluralAgreement: Bool?
        var allowsGerundObject = true
        var index = 0
        var hasDeterminer = false
        var isCoordinated = false
        var tookGerundObject = false

        mutating func findEnd() -> Int? {
            guard tokens.count >= 2 else { return nil }
            if Lexicon.subjectPronouns.contains(tokens[0].lower) { return 1 }
            guard consumePhraseStart() else { return nil }
            if allowsGerundObject, takesGerundObject() {
                // A gerund subject takes an object: "drinking coffee", "cracking your knuckles".
                tookGerundObject = true
                guard consumePhraseStart() else { return nil }
            }
            var possessiveAfterName: Int?
            while index < tokens.count {
                let token = tokens[index], previous = tokens[index - 1]
                let next = index + 1 < tokens.count ? tokens[index + 1] : nil
                if previous.isPossessive {
                    guard consumePhraseStart() else { return nil }
                    continue
                }
                if next != nil, Lexicon.nounPhraseLinks.contains(token.lower)
                    || (continuation == .verb && Lexicon.prepositions.contains(token.lower)) {
                    // "the Great Wall of China", "Japan and Korea"; before a verb also "people in Japan".
                    isCoordinated = isCoordinated || token.lower == "and" || token.lower == "&"
                    index += 1
                    guard consumePhraseStart() else { return nil }
                    continue
                }
                if let next, ["every", "each"].contains(token.lower), Lexicon.timeUnits.contains(next.lower) {
                    index += 2
                    continue
                }
                if pluralAgreement == true, previous.isPlainWord, Lexicon.isPlural(previous.lower),
                   pluralHeadEnds(before: token, next: next) {
                    return index
                }
                if token.isNumber {
                    guard continuesName(number: token, next: next) else { return index }
                    index += 1
                    continue
                }
                if let next, Lexicon.nameParticles.contains(token.lower), previous.isProper, next.isProper {
                    index += 2
                    continue
                }
                if token.isProper {
                    if token.isPossessive, isBareName, possessiveAfterName == nil { possessiveAfterName = index }
                    index += 1
                    continue
                }
                switch continuation {
                case .predicate:
                    if startsPredicate(token) { return predicateStart(from: index) }
                    // After a bare name a plain word starts the predicate ("Japan [member of NATO]"), unless
                    // agreement or a following predicate shows it is a compound ("Bitcoin mining [bad]").
                    if isBareName, !agreementNeedsMore, !(next.map(startsPredicate) ?? false) { return index }
                case .verb:
                    // A participle and its phrase before the verb modify the subject: "a penny [dropped from a skyscraper]".
                    let modifiesSubject = VerbForms.isParticiple(token.lower) && !VerbForms.isBase(token.lower)
                        && (next.map { Lexicon.prepositions.contains($0.lower) } ?? false)
                    if !modifiesSubject, Lexicon.isAdverb(token.lower) || isVerb(token, before: next) { return index }
                }
                index += 1
            }
            // "Is Tim Cook [Apple's CEO]": with no other boundary, a possessive after a name starts the predicate.
            return possessiveAfterName
        }

        /// After a plural noun the subject normally ends ("[whales] mammals"), unless the next word cannot begin
        /// what follows the subject but the word after it can ("[sports drinks] healthy", "[sports drinks] improve").
        private func pluralHeadEnds(before token: Token, next: Token?) -> Bool {
            switch continuation {
            case .predicate: startsPredicate(token) || !(next.map(startsPredicate) ?? false)
            case .verb: VerbForms.isBase(token.lower) || !VerbForms.isFinite(token.lower)
            }
        }

        /// Whether the -ing word that starts the subject is followed by its object.
        private func takesGerundObject() -> Bool {
            guard tokens[0].isPlainWord, tokens[0].lower.hasSuffix("ing"), index < tokens.count else { return false }
            let token = tokens[index]
            if Lexicon.determiners.contains(token.lower) { return true }
            if startsPredicate(token) { return false }
            return continuation == .predicate || !isVerb(token, before: index + 1 < tokens.count ? tokens[index + 1] : nil)
        }

        /// Where the predicate starts, given a predicate word at `position`. A prepositional phrase followed by
        /// a predicate adjective or participle belongs to the subject: "Is [fluoride in water] harmful?",
        /// "Is [the water in Flint] still contaminated?".
        private func predicateStart(from position: Int) -> Int {
            guard Lexicon.prepositions.contains(tokens[position].lower) else { return position }
            var candidate = position + 2
            while candidate < tokens.count {
                let word = tokens[candidate]
                let before = tokens[candidate - 1].lower
                if word.isPlainWord, !Lexicon.determiners.contains(before), !Lexicon.prepositions.contains(before),
                   Lexicon.isAdjective(word.lower) || VerbForms.isParticiple(word.lower) || Lexicon.isIngVerb(word.lower) {
                    var start = candidate
                    while start > position + 2, Lexicon.isAdverb(tokens[start - 1].lower) { start -= 1 }
                    return start
                }
                candidate += 1
            }
            return position
        }

        /// Determiners, -ly modifiers, then one word: "the", "genetically modified", "foods".
        private mutating func consumePhraseStart() -> Bool {
            while index + 1 < tokens.count, Lexicon.determiners.contains(tokens[index].lower) {
                hasDeterminer = true
                index += 1
            }
            while index + 1 < tokens.count, tokens[index].isPlainWord, Lexicon.isAdverb(tokens[index].lower),
                  !Lexicon.adverbs.contains(tokens[index].lower) {
                index += 1
            }
            guard index < tokens.count else { return false }
            index += 1
            return true
        }

        /// The subject so far is a name without an article: "Japan", "Joe Biden", "COVID-19".
        private var isBareName: Bool {
            !hasDeterminer && tokens[..<index].allSatisfy { $0.isProper || $0.isNumber || Lexicon.nounPhraseLinks.contains($0.lower) }
        }

        /// A plural auxiliary after a singular name needs more words: "Are [Tesla cars] safe?"
        private var agreementNeedsMore: Bool {
            guard pluralAgreement == true, !isCoordinated, let last = tokens[..<index].last else { return false }
            return !last.word.hasSuffix("s")
        }

        /// `Apollo 11`, `COVID 19`, `Windows 11 free`, but not `the Earth 4.5 billion years old`.
        private func continuesName(number: Token, next: Token?) -> Bool {
            guard tokens[index - 1].isProper, number.isInteger, number.word.count <= 4 else { return false }
            guard continuation == .predicate, let next else { return true }
            return next.isProper || startsPredicate(next)
        }

        /// Whether a word after the subject's head begins the predicate of be or have.
        private func startsPredicate(_ token: Token) -> Bool {
            guard token.isPlainWord else { return token.isNumber }
            let word = token.lower
            return Lexicon.determiners.contains(word) || Lexicon.prepositions.contains(word) || Lexicon.isAdverb(word)
                || Lexicon.isAdjective(word) || VerbForms.isParticiple(word) || Lexicon.isIngVerb(word)
                || Lexicon.predicateNouns.contains(word)
        }

        /// Whether `token` is the verb after do or a modal. Two verbs in a row mean the first is part of
        /// a compound noun ("climate change cause"), unless it takes a bare infinitive ("help prevent").
        private func isVerb(_ token: Token, before next: Token?) -> Bool {
            let nextIsVerb = next.map { $0.isPlainWord && VerbForms.isBase($0.lower) } ?? false
            if VerbForms.isBase(token.lower) {
                return !nextIsVerb || Lexicon.catenativeVerbs.contains(token.lower)
            }
            return !nextIsVerb
        }
    }
}

import English
/// Turns a yes/no question into the statement it tests, by moving the auxiliary after the subject:
/// "Is Japan in NATO?" → "Japan is in NATO", "Does coffee cause cancer?" → "coffee causes cancer",
/// "Did Einstein win a Nobel Prize?" → "Einstein won a Nobel Prize".
///
/// A "why" question tests what it takes for granted, negation included ("Why is Japan not in NATO?" →
/// "Japan is not in NATO"); a yes/no question with a contracted negation tests the positive
/// ("Isn't Paris the capital of France?" → "Paris is the capital of France"). A verbless question gets a
/// copula ("Japan in NATO?" → "Japan is in NATO"). Other wh-questions ("When was NATO founded?") have no
/// single statement and are returned with their question mark.
enum QuestionRewriter {
    /// The statement `text` tests, without final punctuation; an unconvertible question keeps its `?`.
    static func rewrite(_ text: String) -> String {
        let isQuestion = text.hasSuffix("?")
        var tokens = Token.tokenize(String(text.reversed().drop { ".!?;:,".contains($0) || $0.isWhitespace }.reversed()))
        guard tokens.count >= 2 else { return Token.join(tokens) }
        if tokens.count > 2, ["and", "but", "so", "then", "also"].contains(tokens[0].lower), Auxiliary(tokens[1]) != nil {
            tokens.removeFirst()
        }
        let asksWhy = tokens.count > 2 && tokens[0].lower == "why"
        if asksWhy {
            tokens.removeFirst()
        } else if tokens.count > 2, tokens[0].lower == "how", tokens[1].lower == "come" {
            return Token.join(tokens.dropFirst(2))
        }
        if let auxiliary = Auxiliary(tokens[0]), !auxiliary.needsQuestionMark || isQuestion || asksWhy,
           let statement = statement(from: Array(tokens.dropFirst()), auxiliary: auxiliary, keepsNegation: asksWhy) {
            return statement
        }
        if asksWhy { return Token.join(tokens) }
        if Lexicon.whWords.contains(tokens[0].lower) { return Token.join(tokens) + (isQuestion ? "?" : "") }
        if isQuestion, let statement = verblessStatement(tokens) { return statement }
        return Token.join(tokens)
    }

    private static func statement(from rest: [Token], auxiliary: Auxiliary, keepsNegation: Bool) -> String? {
        guard rest.count >= 2 else { return nil }
        let continuation: SubjectFinder.Continuation = switch auxiliary.kind {
        case .be, .have: .predicate
        case .doSupport, .modal: .verb
        }
        let end = SubjectFinder.end(of: rest, continuation: continuation, pluralAgreement: auxiliary.pluralAgreement)
            ?? rest.count - 1
        let subject = rest[..<end]
        var predicate = Array(rest[end...])
        while predicate.count > 1, Lexicon.doubtAdverbs.contains(predicate[0].lower) { predicate.removeFirst() }
        if continuation == .verb, let verb = predicate.first(where: { !Lexicon.isAdverb($0.lower) }),
           verb.isPlainWord, VerbForms.isFinite(verb.lower), !VerbForms.isBase(verb.lower), verb.lower != "be" {
            // A tensed verb after the subject: a statement that starts with a name ("Will Smith won an Oscar").
            return nil
        }
        let negated = auxiliary.isNegated && keepsNegation
        var words = Array(subject)
        if auxiliary.kind == .doSupport, !negated, predicate.first?.lower != "not" {
            words += inflected(predicate, after: auxiliary.form)
        } else {
            words += [Token(negated ? auxiliary.negativeForm : auxiliary.form)] + predicate
        }
        let isNegative = negated || words.contains { ["not", "never", "no"].contains($0.lower) || $0.lower.hasSuffix("n't") }
        return Token.join(isNegative ? words : affirmative(words, existential: auxiliary.kind != .modal))
    }

    /// A question's polarity words made affirmative: a final "yet" dropped ("Has Sweden joined NATO yet?" →
    /// "Sweden has joined NATO"), and, except after modals where "any" means every, "anyone" → "someone"
    /// and "there are any" → "there are some".
    private static func affirmative(_ words: [Token], existential: Bool) -> [Token] {
        var result = words
        if result.count > 2, result.last?.lower == "yet" { result.removeLast() }
        guard existential else { return result }
        let isThere = result.first?.lower == "there"
        return result.map { token in
            switch token.lower {
            case "anyone", "anybody", "anything", "anywhere": token.replacingWord(with: "some" + token.lower.dropFirst(3))
            case "any" where isThere: token.replacingWord(with: "some")
            default: token
            }
        }
    }

    /// The predicate with do-support folded into its verb (and into verbs coordinated with it):
    /// after `does` → third person singular, after `did` → simple past, after `do` → unchanged.
    private static func inflected(_ predicate: [Token], after form: String) -> [Token] {
        guard form != "do", let verbIndex = predicate.firstIndex(where: { !Lexicon.isAdverb($0.lower) }) else {
            return predicate
        }
        let inflect = form == "did" ? VerbForms.simplePast : VerbForms.thirdPersonSingular
        var result = predicate
        for index in verbIndex ..< result.count {
            let isVerb = index == verbIndex
                || (["and", "or"].contains(result[index - 1].lower) && result[index].isPlainWord
                    && VerbForms.isBase(result[index].lower))
            if isVerb { result[index] = result[index].replacingWord(with: inflect(result[index].lower)) }
        }
        return result
    }

    /// "Japan in NATO?" → "Japan is in NATO"; `nil` when the words include a verb.
    private static func verblessStatement(_ tokens: [Token]) -> String? {
        guard !tokens.contains(where: { !$0.isNumber && VerbForms.isVerb($0.lower) }) else { return nil }
        let end = SubjectFinder.end(of: tokens, continuation: .predicate, pluralAgreement: nil) ?? tokens.count - 1
        let subject = tokens[..<end]
        let isPlural = subject.contains { $0.lower == "and" }
            || (subject.last.map { $0.word.contains(where: \.isLowercase) && Lexicon.isPlural($0.lower) } ?? false)
        return Token.join(subject + [Token(isPlural ? "are" : "is")] + tokens[end...])
    }
}

/// Removes what surrounds the claim itself: fillers ("Hey,"), hedges ("I heard that", "apparently"),
/// requests and meta-questions ("Fact check:", "Is it true that", ", right?", "Is 'X' true?") and
/// enclosing quotes.
public enum HedgeStripper {
    /// Applies the rules until none changes the text.
    public static func strip(_ text: String) -> String {
        var current = text
        while true {
            let next = stripOnce(current)
            if next == current { return current }
            current = next
        }
    }

    private static func stripOnce(_ text: String) -> String {
        var text = unquoted(text)
        if let groups = claimThatIsTrue.groups(in: text), let claim = groups[1] { text = claim }
        if let groups = quotedIsTrue.groups(in: text), let claim = groups[2] { text = claim }
        if let groups = clauseIsTrue.groups(in: text), let claim = groups[1], isClause(claim) { text = claim }
        text = leadingFiller.replacingMatches(in: text, with: "")
        text = leadingHedge.replacingMatches(in: text, with: "")
        text = trailingMeta.replacingMatches(in: text, with: "$1")
        text = trailingSourceSentence.replacingMatches(in: text, with: "$1")
        text = inlineHedgeBetweenCommas.replacingMatches(in: text, with: " ")
        text = inlineHedgeWord.replacingMatches(in: text, with: " ")
        return Spacing.tidy(text)
    }

    /// The text without quotes around all of it: `"X"?` → `X?`.
    private static func unquoted(_ text: String) -> String {
        var body = Substring(text)
        var tail = ""
        while let last = body.last, "?!.".contains(last), body.count > 2 {
            tail = String(last) + tail
            body = body.dropLast()
        }
        guard body.count >= 2, let open = body.first, open == "\"" || open == "'", body.last == open else { return text }
        let inner = body.dropFirst().dropLast()
        let innerHasQuote = inner.indices.contains { index in
            guard inner[index] == open else { return false }
            // An apostrophe between letters (don't, Earth's) is not a quote.
            let before = index > inner.startIndex ? inner[inner.index(before: index)] : " "
            let after = inner.index(after: index) < inner.endIndex ? inner[inner.index(after: index)] : " "
            return open == "\"" || !(before.isLetter && after.isLetter)
        }
        return innerHasQuote ? text : String(inner) + tail
    }

    /// Whether `text` has a verb form only a clause has ("the Earth *is* flat", "vaccines *caused* it").
    private static func isClause(_ text: String) -> Bool {
        let tokens = Token.tokenize(text)
        return tokens.count >= 2 && tokens.dropFirst().contains { $0.isPlainWord && VerbForms.isFinite($0.lower) }
    }

    private static let leadingFiller = TextPattern(#"""
        (?x)
        ^(?:(?:hey|hi|hello|ok|okay|so|well|um+|uh+|hm+|lol|q|question|quick\s+question|serious\s+question|
        honest\s+question|genuine\s+question|random\s+question|just\s+curious|just\s+wondering|claim|rumou?r|
        breaking(?:\s+news)?|just\s+in)\s*[,:;.!?\-–—]+\s*|(?:please|pls|plz)\b[,:]?\s*)
        """#)

    private static let leadingHedge = TextPattern(#"""
        (?x)
        ^(?:
        (?:fact[\s-]*check(?:ing)?|verify|debunk|check|true\s+or\s+false|fact\s+or\s+fiction|fact\s+or\s+myth|
        myth\s+or\s+fact|real\s+or\s+fake)(?:\s+(?:this|that|the\s+claim|the\s+following))?
        (?:\s*[:,\-–—]\s*|\s+(?:if|whether|that)\s+)
        |(?:fact[\s-]*check|true\s+or\s+false)\s+
        |is\s+it\s+(?:really\s+|actually\s+)?(?:true|correct|accurate|a\s+fact|the\s+case)(?:\s+or\s+(?:false|not))?
        (?:\s+that\b|\s*[:,?.]|(?=\s))\s*
        |is\s+it\s+(?:really\s+|actually\s+)?(?:right|false|real)(?:\s+that\b|\s*[:,?])\s*
        |is\s+(?:this|that)\s+(?:really\s+)?(?:true|correct|right|accurate|real|a\s+fact)\s*[?:,.!\-–—]\s*
        |(?:did|do)\s+you\s+know(?:\s+(?:that|if|whether)\b)?\s*[,:]?\s*
        |(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:check|verify|confirm|tell\s+me|fact[\s-]*check)
        (?:\s+(?:this|that))?(?:\s+(?:if|whether|that)\b)?\s*[:,]?\s*
        |(?:please\s+)?(?:check|verify|confirm|tell\s+me)\s+(?:if|whether|that)\s+
        |i\s+(?:want|would\s+like|'d\s+like)\s+to\s+know\s+(?:if|whether)\s+
        |i(?:'m|\s+am|\s+was)?\s+(?:wondering|wonder|not\s+sure|curious)\s+(?:if|whether|that)\s+
        |i(?:'m|\s+am)\s+(?:pretty\s+|fairly\s+|quite\s+)?(?:sure|certain|convinced|told)(?:\s+that\b)?\s*[,:]?\s*
        |(?:i|we)(?:\s+have|'ve|\s+had|'d)?\s+(?:heard|read|seen|saw|was\s+told|were\s+told|been\s+told|
        keep\s+hearing|keep\s+reading|keep\s+seeing|think|believe|guess|suppose|feel\s+like|remember|recall)\b
        (?:\s+(?:somewhere|online|recently|today|once))?
        (?:\s+(?:on|in|from)\s+(?:the\s+|a\s+)?[\w'.-]+(?:\s+[\w'.-]+)?(?=\s+that\b|\s*[,:]))?
        (?:\s+that\b)?\s*[,:]?\s*
        |(?:someone|somebody|people|everyone|everybody|they|some\s+people|many\s+people|a\s+lot\s+of\s+people|
        a\s+(?:friend|guy|man|woman|coworker|colleague|relative)(?:\s+of\s+mine)?|my\s+[\w'-]+)\s+
        (?:(?:told|tells|keeps?\s+telling)\s+me|said|say|says|keeps?\s+saying|(?:is|are|was|were)\s+saying|
        claims?|claimed|believes?|thinks?|knows?|posted|shared)\b
        (?:\s+(?:on|in)\s+(?:the\s+|a\s+)?[\w'.-]+(?=\s+that\b|\s*[,:]))?(?:\s+that\b)?\s*[,:]?\s*
        |(?:apparently|reportedly|supposedly|allegedly|rumou?r\s+has\s+it|word\s+is|legend\s+has\s+it|
        it\s+(?:is|was)\s+(?:said|claimed|rumou?red|reported)|it's\s+(?:said|claimed|rumou?red)|some\s+say|
        according\s+to\s+(?:rumou?rs|some\s+people|social\s+media|the\s+internet))(?:\s+that\b)?\s*[,:]?\s*
        )
        """#)

    /// Tails that ask for confirmation; the final `?`/`!`/`.` is kept as group 1.
    private static let trailingMeta = TextPattern(#"""
        (?x)
        (?:
        [\s,;:.!\-–—]*\b(?:is|isn't)\s+(?:that|this|it)\s+(?:really\s+|actually\s+)?
        (?:true|correct|right|accurate|real|a\s+fact|so|the\s+case)
        |[\s,;:.!\-–—]*\b(?:true\s+or\s+(?:false|not)|fact\s+or\s+(?:fiction|myth)|real\s+or\s+fake|yes\s+or\s+no|
        or\s+not|or\s+what|or\s+is\s+it\s+(?:false|fake|a\s+myth))
        |\s*[,;:.!\-–—]+\s*(?:right|correct|true|no|yes|eh|huh)(?=\s*\?)
        |\s+right(?=\s*\?)
        |\s*[,;:.!\-–—]+\s*(?:fact\s+check|thoughts|any\s+ideas?)
        |[\s,;:.!\-–—]+(?:lol|lmao|tbh|ngl|imho|or\s+something)
        |\s*,\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)(?:n't|\s+not)?\s+
        (?:it|he|she|they|there|we|you|i|that|this)
        |[\s,;:\-–—]+(?:i\s+think|i\s+guess|i\s+believe|i\s+heard|i\s+read|apparently|reportedly|supposedly|
        allegedly|they\s+say|people\s+say|or\s+so\s+i\s+(?:heard|read|am\s+told|'m\s+told))
        )\s*([?!.]*)\s*$
        """#)

    /// A last sentence saying where the claim was seen: "… I heard it on Facebook." (group 1: the claim's end).
    private static let trailingSourceSentence = TextPattern(#"""
        (?x)
        ([.?!])\s+(?:i\s+(?:heard|read|saw|found)\s+(?:it|this|that)|(?:my|a)\s+[\w'-]+\s+(?:posted|shared|sent|said|told)|
        (?:someone|somebody|people)\s+(?:posted|shared|sent|said|told|keep\s+saying)|(?:it|this)\s+(?:is|was)\s+(?:going\s+around|
        all\s+over|on|trending))\b[^.?!]*[.?!]*\s*$
        """#)

    private static let inlineHedgeBetweenCommas = TextPattern(
        #"\s*,\s*(?:i\s+think|i\s+believe|i\s+guess|i\s+heard|i'm\s+told|they\s+say|people\s+say)\s*,\s*"#)

    private static let inlineHedgeWord = TextPattern(#",?\s*\b(?:apparently|reportedly|supposedly|allegedly)\b\s*,?"#)

    /// "Is the claim that X true?" → X (group 1).
    private static let claimThatIsTrue = TextPattern(#"""
        (?x)
        ^is\s+(?:the|this|that)\s+(?:claim|rumou?r|story|statement|idea|theory|report|notion|belief|saying|meme|
        post|video|tweet)\s+(?:that\s+)?(.+?)\s+(?:really\s+|actually\s+)?(?:true|correct|accurate|right|a\s+fact|
        real|false|a\s+myth)\s*[?!.]*$
        """#)

    /// "Is 'X' true?" → X (group 2).
    private static let quotedIsTrue = TextPattern(
        #"^is\s+(["'])(.+)\1\s+(?:really\s+|actually\s+)?(?:true|correct|accurate|right|a\s+fact|real|false|fake|a\s+myth)\s*[?!.]*$"#)

    /// "Is X true?" → X (group 1) when X is a clause.
    private static let clauseIsTrue = TextPattern(
        #"^is\s+(?:it\s+)?(.+?)\s+(?:really\s+|actually\s+)?(?:true|correct|accurate|a\s+fact)\s*[?!.]*$"#)
}

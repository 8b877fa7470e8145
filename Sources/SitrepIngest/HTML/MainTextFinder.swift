import CLibXML2

/// Finds a page's article text: the paragraphs of the container that holds the most prose.
///
/// The method is the one the good extractors share (Readability, trafilatura's fallbacks): drop furniture by
/// element and by class words; score each paragraph by its length and commas and credit its parent and
/// grandparent; take the best container (less its share of link text), add sibling blocks that score nearly as
/// well (text split by ads, live-blog entries); then keep each paragraph that is not mostly links or a label.
struct MainTextFinder {
    let lexicon: BoilerplateLexicon

    init(lexicon: BoilerplateLexicon = .shared) { self.lexicon = lexicon }

    private struct Info {
        var textLength = 0
        var linkLength = 0
        var score = 0.0
        var isCandidate = false
        var junk = false
        var holdsArticle = false
    }

    private final class State {
        var info: [xmlNodePtr: Info] = [:]
    }

    /// The article's paragraphs, in order; `whole` takes every paragraph of the tree (a feed item's HTML).
    func paragraphs(_ tree: MarkupTree, whole: Bool = false) -> [String] {
        guard let root = tree.first(.body) ?? tree.root else { return [] }
        let state = State()
        _ = measure(root, state, insideLink: false)
        if whole { return emit([root], state) }
        var best: MarkupNode?
        var bestScore = 0.0
        for (ptr, inf) in state.info where inf.isCandidate && !inf.junk {
            let linkShare = inf.textLength > 0 ? Double(inf.linkLength) / Double(inf.textLength) : 0
            let s = inf.score * (1 - linkShare)
            if s > bestScore || (s == bestScore && best.map { ptr < $0.ptr } == true) {
                bestScore = s
                best = MarkupNode(ptr: ptr)
            }
        }
        guard let top = best else { return emit([root], state) }
        state.info[top.ptr]!.score = bestScore
        guard let parent = top.parent else { return emit([top], state) }
        var chosen: [MarkupNode] = []
        let threshold = max(10, bestScore * 0.2)
        for s in parent.children where s.isElement {
            guard let inf = state.info[s.ptr], !inf.junk else { continue }
            if s.ptr == top.ptr { chosen.append(s); continue }
            let linkShare = inf.textLength > 0 ? Double(inf.linkLength) / Double(inf.textLength) : 1
            if inf.isCandidate && inf.score * (1 - linkShare) >= threshold {
                chosen.append(s)
            } else if s.tag == .p && linkShare < 0.25 && inf.textLength > 80 {
                chosen.append(s)
            }
        }
        return emit(chosen, state)
    }

    // MARK: measuring and scoring

    /// Text and link lengths below `n`; marks furniture; credits ancestors for paragraphs.
    @discardableResult
    private func measure(_ n: MarkupNode, _ st: State, insideLink: Bool) -> (text: Int, link: Int, article: Bool) {
        let tag = n.tag
        var inf = Info()
        if tag.isInvisible || tag.isFurniture || isHidden(n) {
            inf.junk = true
            st.info[n.ptr] = inf
            return (0, 0, false)
        }
        let isLink = insideLink || tag == .a
        var text = 0
        var link = 0
        var article = tag == .article || tag == .main || n.attribute("itemprop")?.lowercased() == "articlebody"
        var commas = 0
        var c = n.firstChild
        while let x = c {
            if x.isText, let t = x.textBytes {
                let len = visibleLength(t, commas: &commas)
                text += len
                if isLink { link += len }
            } else if x.isElement {
                let r = measure(x, st, insideLink: isLink)
                text += r.text
                link += r.link
                article = article || r.article
            }
            c = x.next
        }
        inf.textLength = text
        inf.linkLength = link
        inf.holdsArticle = article
        let weight = classWeight(n)
        if tag != .body && tag != .html && !article && (weight <= -2 || weight == -1) {
            inf.junk = true
            st.info[n.ptr] = inf
            return (0, 0, false)
        }
        if tag == .time, let p = n.parent?.tag, p.isContainer {
            inf.junk = true  // a stand-alone time stamp, not a date inside a sentence
            st.info[n.ptr] = inf
            return (0, 0, article)
        }
        st.info[n.ptr] = inf
        // Paragraphs credit their ancestors.
        if (tag == .p || tag == .pre || tag == .td || tag == .blockquote) && text >= 25 {
            let s = 1 + Double(commas) + min(Double(text) / 100, 3)
            var anc = n.parent
            var level = 0
            while let a = anc, level < 3 {
                guard a.tag != .html else { break }
                initCandidate(a, st)
                st.info[a.ptr]!.score += level == 0 ? s : (level == 1 ? s / 2 : s / Double(level * 3))
                anc = a.parent
                level += 1
            }
        }
        return (text, link, article)
    }

    private func initCandidate(_ n: MarkupNode, _ st: State) {
        if st.info[n.ptr] == nil { st.info[n.ptr] = Info() }
        guard !st.info[n.ptr]!.isCandidate else { return }
        st.info[n.ptr]!.isCandidate = true
        var s = Double(max(-1, classWeight(n))) * 25
        switch n.tag {
        case .div, .article, .main, .section: s += 5
        case .pre, .td, .blockquote: s += 3
        case .ol, .ul, .dl, .dd, .dt, .li, .address: s -= 3
        case .th: s -= 5
        default: break
        }
        if n.tag == .article || n.attribute("itemprop")?.lowercased() == "articlebody" { s += 10 }
        st.info[n.ptr]!.score += s
    }

    private func classWeight(_ n: MarkupNode) -> Int {
        let cls = n.attribute("class") ?? ""
        let id = n.attribute("id") ?? ""
        var w = cls.isEmpty && id.isEmpty ? 0 : lexicon.weight(classAndID: cls + " " + id)
        if let role = n.attribute("role")?.lowercased(),
           ["navigation", "complementary", "banner", "contentinfo", "search", "dialog", "alert"].contains(role) {
            w = min(w, -1)
        }
        return w
    }

    private func isHidden(_ n: MarkupNode) -> Bool {
        if n.attribute("hidden") != nil || n.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = n.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        return false
    }

    private func visibleLength(_ t: UnsafeBufferPointer<UInt8>, commas: inout Int) -> Int {
        var n = 0
        for b in t where b != 32 && b != 10 && b != 13 && b != 9 {
            if b & 0xC0 != 0x80 { n += 1 }
            if b == 44 { commas += 1 }
        }
        return n
    }

    // MARK: paragraphs

    private func emit(_ nodes: [MarkupNode], _ st: State) -> [String] {
        var b = ParagraphBuilder(lexicon: lexicon, junk: { st.info[$0.ptr]?.junk ?? false })
        for n in nodes { b.block(n) }
        b.flush()
        return b.paragraphs
    }
}

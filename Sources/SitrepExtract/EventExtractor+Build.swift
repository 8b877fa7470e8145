import SitrepCore
import SitrepGazetteer
import SitrepRecognize
import SitrepText

extension EventExtractor {
    /// Reads one trigger in its frame: place(s), actor, target, date, modality, source.
    func build(_ a: DocumentAnalysis, trigger: Trigger, at span: Range<Int>, sentence s: Int,
               state: inout DiscourseState) -> [EventMention] {
        let text = a.text
        let t = text.tokens
        let sr = text.sentences[s].tokens
        let k = span.lowerBound
        let after = span.upperBound
        var type = trigger.type
        var actor: ActorMention? = nil
        var target: Actor? = nil
        var slots: [PlaceSlot] = []
        let opts = trigger.options
        // "were (also) taken by": an auxiliary before the verb, adverbs aside
        var pv = k - 1
        while pv > sr.lowerBound, lexicon.isA(t[pv], lexicon.adverb) { pv -= 1 }
        let passive = pv >= sr.lowerBound && pv < k && (lexicon.isA(t[pv], lexicon.aux) && t[pv].hash != h("had")
                                                        && t[pv].hash != h("has") && t[pv].hash != h("have"))
        let clause = modality.clauseStart(text, k, floor: sr.lowerBound, isBreak: { self.isClauseBreak(a, $0) && !self.isComma(a, $0) })

        // conditions on the words around
        if opts.contains(.people) {
            guard (after..<min(after + 6, sr.upperBound)).contains(where: { lexicon.isA(t[$0], lexicon.people) }) else { return [] }
        }
        if opts.contains(.weapon) {
            // "warplanes struck", "was hit by shells": a weapon nearby makes it a strike
            guard (max(sr.lowerBound, k - 6)..<min(after + 6, sr.upperBound)).contains(where: { lexicon.isA(t[$0], lexicon.weapon) }) else { return [] }
        }
        if opts.contains(.force) {
            guard (after..<min(after + 4, sr.upperBound)).contains(where: { lexicon.isA(t[$0], lexicon.force) }) else { return [] }
        }
        if opts.contains(.hands) {
            // "in Taliban hands", "under Taliban control": an actor right before, "in"/"under" before it
            guard let m = actorBefore(a, k, floor: max(sr.lowerBound, k - 4)), m.tokens.upperBound == k,
                  m.tokens.lowerBound > sr.lowerBound,
                  t[m.tokens.lowerBound - 1].hash == h("in") || t[m.tokens.lowerBound - 1].hash == h("under") else { return [] }
            actor = m
            slots = placesBefore(a, m.tokens.lowerBound - 1, floor: sr.lowerBound, state: state)
            // "is now in": skip the verb back to the subject
            if slots.isEmpty {
                var j = m.tokens.lowerBound - 2
                while j > sr.lowerBound, lexicon.isA(t[j], lexicon.aux) || lexicon.isA(t[j], lexicon.adverb) || t[j].hash == h("remains")
                        || t[j].hash == h("remained") || t[j].hash == h("came") || t[j].hash == h("fell") { j -= 1 }
                slots = placesBefore(a, j + 1, floor: sr.lowerBound, state: state)
            }
        }

        switch trigger.frame {
        case .capture:
            if passive {
                slots = placesBefore(a, k - 1, floor: sr.lowerBound, state: state)
                actor = actorAfterWord(a, h("by"), from: after, limit: sr.upperBound)
            } else {
                slots = placesAfter(a, from: after, limit: sr.upperBound, near: opts.contains(.near), state: state)
                actor = actorBefore(a, k, floor: sr.lowerBound)
            }

        case .fall:
            // "the deal fell apart", "fell short": not a place changing hands
            if after < sr.upperBound, lexicon.isA(t[after], lexicon.notAfterFall) { return [] }
            if !opts.contains(.hands) {
                slots = placesBefore(a, k, floor: sr.lowerBound, state: state)
                actor = actorAfterWord(a, h("to"), from: after, limit: sr.upperBound)
                    ?? actorAfterWord(a, h("of"), from: after - 1, limit: sr.upperBound)
                    ?? actorAfterWord(a, h("into"), from: after, limit: sr.upperBound, maxGap: 4)
            }
        case .nominal:
            slots = placesAfter(a, from: after, limit: sr.upperBound, near: true, state: state)
            actor = actorAfterWord(a, h("to"), from: after, limit: sr.upperBound)
                ?? actorAfterWord(a, h("by"), from: after, limit: sr.upperBound)
                ?? actorBefore(a, k, floor: max(sr.lowerBound, k - 3))
        case .handover:
            if !opts.contains(.intransitive) && !passive {
                slots = placesAfter(a, from: after, limit: sr.upperBound, near: opts.contains(.near), state: state)
                // "hand back to Azerbaijan several districts": the place after "to" is who gains
                if let f = slots.first, f.tokens.lowerBound > 0, t[f.tokens.lowerBound - 1].hash == h("to") {
                    slots = placesAfter(a, from: f.tokens.upperBound, limit: sr.upperBound, near: false, state: state)
                }
            }
            let before = actorBefore(a, k, floor: clause)
            if !slots.isEmpty {
                // A surrendered X to B: B gains, A loses
                actor = actorAfterWord(a, h("to"), from: after, limit: sr.upperBound)
                target = before?.actor
            } else if !(opts.contains(.near) && !passive) {
                // "X surrendered" (its subject is the place); "the army lost six men" is no such subject
                slots = placesBefore(a, k, floor: sr.lowerBound, state: state)
                actor = actorAfterWord(a, h("to"), from: after, limit: sr.upperBound)
                if actor == nil, let b = before, b.actor.kind == .nonStateArmedGroup || b.actor.kind == .foreignState,
                   !(a.focus.armedGroup?.id == b.actor.id && false) {
                    // "the insurgents surrendered" is not the insurgents gaining
                    target = b.actor
                }
            }
        case .withdraw:
            if opts.contains(.outOf) {
                // "pulled a contingent of American troops out of Libya"
                var j = after
                while j + 1 < min(sr.upperBound, after + 10), !(t[j].hash == h("out") && t[j + 1].hash == h("of")) { j += 1 }
                if j + 1 < min(sr.upperBound, after + 10) {
                    slots = placesAfter(a, from: j + 2, limit: sr.upperBound, near: true, state: state)
                    actor = actorBefore(a, k, floor: sr.lowerBound)
                    break
                }
                // else "pulled its forces back from": a force word must follow
                guard (after..<min(after + 4, sr.upperBound)).contains(where: { lexicon.isA(t[$0], lexicon.force) }) else { return [] }
            }
            slots = placesAfter(a, from: after, limit: sr.upperBound, near: true, state: state, after: nil)
            // "pulled back towards Misrata": where they went is not where they left
            if let f = slots.first, f.tokens.lowerBound > after, Self.isDirection(t[f.tokens.lowerBound - 1].hash) {
                slots = []
            }
            if slots.isEmpty {
                for w: StaticString in ["from", "of"] where slots.isEmpty {
                    slots = placesAfter(a, from: after, limit: min(sr.upperBound, after + 6), near: false, state: state, after: h(w))
                }
            }
            actor = actorBefore(a, k, floor: sr.lowerBound)
            if slots.isEmpty, let n = nearestPlace(a, k, sr, excluding: [], state: state),
               n.tokens.lowerBound == 0 || !Self.isDirection(t[max(0, n.tokens.lowerBound - 1)].hash) || n.viaCoreference {
                slots = [n]
            }
            if slots.isEmpty, let p = state.lastEventPlace, state.lastEventSentence >= s - 2 {
                slots = [PlaceSlot(place: p, matched: gazetteer.places[p].name, tokens: k..<k, viaCoreference: true)]
            }
        case .attack, .strike:
            // "the fighting has displaced ...": a definite noun with no place after it is background
            if k > sr.lowerBound, t[k - 1].hash == h("the"), !trigger.isVerb,
               placesAfter(a, from: after, limit: min(sr.upperBound, after + 3), near: false, state: state).isEmpty {
                return []
            }
            slots = placesAfter(a, from: after, limit: sr.upperBound, near: false, state: state)
            // "rockets fired from Tigray struck Bahir Dar": where fire came from is not where it hit
            if trigger.frame == .strike, let f = slots.first, f.tokens.lowerBound > 0, t[f.tokens.lowerBound - 1].hash == h("from") {
                slots = placesAfter(a, from: f.tokens.upperBound, limit: sr.upperBound, near: false, state: state)
            }
            actor = actorBefore(a, k, floor: clause)
            if slots.isEmpty { slots = placesBefore(a, k, floor: clause, state: state) }
            if slots.isEmpty && trigger.frame == .strike, let n = nearestPlace(a, k, sr, excluding: [], state: state) { slots = [n] }
        case .evacuate, .deploy:
            actor = actorBefore(a, k, floor: sr.lowerBound, preferNamed: true)
            slots = placesAfter(a, from: after, limit: sr.upperBound, near: false, state: state)
            // "evacuated by truck from Baghuz to the Al-Hol camp": an evacuation is where people leave from
            if trigger.frame == .evacuate, let f = slots.first, f.tokens.lowerBound > 0, Self.isDirection(t[f.tokens.lowerBound - 1].hash) {
                let from = placesAfter(a, from: after, limit: f.tokens.lowerBound, near: false, state: state, after: h("from"))
                slots = from
            }
            if slots.isEmpty, let n = nearestPlace(a, k, sr, excluding: actor.map { [$0.tokens] } ?? [], state: state) { slots = [n] }
        case .arrest:
            if passive {
                actor = actorAfterWord(a, h("by"), from: after, limit: sr.upperBound)
                target = personBefore(a, k, floor: clause)
            } else {
                actor = actorBefore(a, k, floor: clause)
                target = personAfter(a, after, limit: sr.upperBound)
            }
            slots = placesAfter(a, from: after, limit: sr.upperBound, near: false, state: state, after: h("in"))
            if slots.isEmpty {
                // "the city's governor": the reference in the person's description
                for i in max(sr.lowerBound, clause - 1)..<sr.upperBound where slots.isEmpty {
                    if let c = resolveCoref(a, at: i, state: state) { slots = [c] }
                }
            }
            if slots.isEmpty, let n = nearestPlace(a, k, sr, excluding: [], state: state) { slots = [n] }
        case .agree:
            actor = actorBefore(a, k, floor: sr.lowerBound)
            if let w = actorAfterWord(a, h("with"), from: sr.lowerBound, limit: sr.upperBound, maxGap: 2) {
                if actor == nil || actor!.tokens == w.tokens { target = w.actor } else { target = w.actor }
            }
            // "the truce" after an agreement was stated refers back to it
            if k > sr.lowerBound, t[k - 1].hash == h("the") || t[k - 1].hash == h("this"), state.agreementStated { return [] }
            // where it was made or what it covers: "talks in Moscow", "a ceasefire in Nagorno-Karabakh"
            slots = placesAfter(a, from: after, limit: sr.upperBound, near: false, state: state, after: h("in"))
            for i in sr where slots.isEmpty {
                if let c = resolveCoref(a, at: i, state: state) { slots = [c] }
            }
            // otherwise the agreement has no place of its own: the parties' countries are not where it happened
            state.agreementStated = true
        case .defect:
            actor = actorBefore(a, k, floor: sr.lowerBound)
            let joined = actorAfter(a, after, limit: sr.upperBound, within: 4)
            if opts.contains(.objectActor) {
                guard let j = joined, j.actor.kind == .nonStateArmedGroup || j.actor.kind == .stateForces else { return [] }
                guard let sub = actor ?? forceSubject(a, k, floor: sr.lowerBound) else { return [] }
                actor = sub
            }
            target = joined?.actor
            if let n = nearestPlace(a, k, sr, excluding: [], state: state) { slots = [n] }
        }

        // "Gharyan, which the LNA entered on April 4": the place the relative clause hangs on
        // "Mosul, which fell to Islamic State in June 2014": a relative pronoun before a 'fall' verb
        if slots.isEmpty, trigger.frame == .fall, k >= sr.lowerBound + 2 {
            var j = k - 1
            while j > sr.lowerBound, lexicon.isA(t[j], lexicon.aux) || lexicon.isA(t[j], lexicon.adverb) { j -= 1 }
            if t[j].hash == h("which") || t[j].hash == h("that"), j >= 2, isComma(a, j - 1), let p = a.place(j - 2) {
                slots = [PlaceSlot(place: p.place, matched: p.matched, tokens: p.tokens, viaCoreference: false)]
            }
        }
        // "Sake, which the M23 briefly captured in 2012": the relative pronoun a few words back
        if slots.isEmpty, [.capture, .handover].contains(trigger.frame), !passive {
            var j = k - 1
            while j > sr.lowerBound + 1, k - j <= 6, t[j].hash != h("which"), !isClauseBreak(a, j) || t[j].hash == h("that") { j -= 1 }
            if j > sr.lowerBound + 1, t[j].hash == h("which"), isComma(a, j - 1), var p = a.place(j - 2) {
                // "Sake in eastern Congo, which": the town, not the country that locates it
                if gazetteer.places[p.place].kind != .town {
                    var m = p.tokens.lowerBound - 1
                    while m > sr.lowerBound, p.tokens.lowerBound - m <= 4 {
                        if let q = a.place(m), gazetteer.places[q.place].kind == .town { p = q; break }
                        m -= 1
                    }
                }
                slots = [PlaceSlot(place: p.place, matched: p.matched, tokens: p.tokens, viaCoreference: false)]
            }
        }
        if slots.isEmpty, [.capture, .handover, .nominal].contains(trigger.frame), clause > sr.lowerBound + 1 {
            let w = t[clause - 1]
            if w.hash == h("which") || w.hash == h("that"), isComma(a, clause - 2) || a.place(clause - 2) != nil {
                let anchor = isComma(a, clause - 2) ? clause - 3 : clause - 2
                if let p = a.place(anchor) {
                    slots = [PlaceSlot(place: p.place, matched: p.matched, tokens: p.tokens, viaCoreference: false)]
                }
            }
        }
        // "seized more than a dozen towns, including Hsenwi and Kutkai": the places the plural object lists
        // (also when the first place found is only the region they are in: "towns in northern Shan State, including")
        if [.capture, .handover].contains(trigger.frame),
           slots.allSatisfy({ $0.place >= 0 && gazetteer.places[$0.place].kind != .town && !$0.viaCoreference }) {
            let listed = listedPlaces(a, after: after, limit: sr.upperBound)
            if !listed.isEmpty { slots = listed }
        }
        // "the assault had been repelled": the place attacked, named in the sentence or just before
        if slots.isEmpty, opts.contains(.negated), let n = nearestPlace(a, k, sr, excluding: [], state: state) {
            slots = [n]
        }
        // "seized Myebon": remember that the object was a place the gazetteer lacks
        if slots.isEmpty, trigger.frame == .capture, !passive {
            var o = after
            while o < sr.upperBound, t[o].hash == h("the") { o += 1 }
            if o < sr.upperBound, t[o].isCapitalized, t[o].isWord, a.place(o) == nil, a.actor(o) == nil {
                state.unknownObjectSentence = s
            }
        }
        // "captured Raqqa from Islamic State", "which the SDF captured from Islamic State": who lost it
        if trigger.frame == .capture, !passive, type.isTerritoryChange {
            let from = slots.last.map { max($0.tokens.upperBound, after) } ?? after
            if let m = actorAfterWord(a, h("from"), from: from, limit: min(sr.upperBound, from + 4)), m.actor.id != actor?.actor.id {
                target = m.actor
            }
        }
        if opts.contains(.actor) && trigger.frame != .defect {
            guard let kind = actor?.actor.kind, [.stateForces, .nonStateArmedGroup, .foreignState].contains(kind) else { return [] }
        }
        // fighting with no place named is background, not an event to map
        if (type == .armedClash || type == .remoteViolence) && slots.isEmpty { return [] }
        if opts.contains(.near) && slots.isEmpty { return [] }
        // a capture "without a fight" is a handover
        if type == .territoryTaken && sentenceSays(a, sr, ["without", "fight"]) { type = .territoryHandover }

        // "Herat fell in 2015 and was retaken in May": the subject of the first verb serves the second
        if slots.isEmpty, type.isTerritoryChange, let p = state.lastEventPlace, state.lastEventSentence == s {
            var j = k - 1
            while j > sr.lowerBound, lexicon.isA(t[j], lexicon.aux) || lexicon.isA(t[j], lexicon.adverb) { j -= 1 }
            if t[j].hash == h("and") || t[j].hash == h("but") {
                slots = [PlaceSlot(place: p, matched: gazetteer.places[p].name, tokens: k..<k, viaCoreference: true)]
            }
        }
        // a place-less territory change is no event; other types may take the place of the discourse
        if slots.isEmpty {
            if type.isTerritoryChange { return [] }
            if let p = state.lastEventPlace, [.defection, .arrest].contains(type) {
                slots = [PlaceSlot(place: p, matched: gazetteer.places[p].name, tokens: k..<k, viaCoreference: true)]
            }
        }

        // who gains, who loses
        var gainer = actor?.actor
        if type.isTerritoryChange {
            // "Prime Minister X declared victory in Mosul": an official's own state gains
            if gainer == nil, trigger.frame == .capture,
               (clause..<k).contains(where: { lexicon.isA(t[$0], lexicon.person) && t[$0].isCapitalized }) {
                gainer = a.focus.country.map { actorRecognizer.lexicon.state($0, home: true) }
            }
            if gainer == nil || gainer?.kind == .civilians {
                if opts.contains(.recapture) {
                    gainer = a.focus.country.map { actorRecognizer.lexicon.state($0, home: true) }
                } else {
                    gainer = a.focus.armedGroup
                }
            }
            if target == nil, let g = gainer {
                if g.kind == .nonStateArmedGroup || g.kind == .foreignState {
                    target = a.focus.country.map { actorRecognizer.lexicon.state($0, home: true) }
                } else if g.kind == .stateForces {
                    target = a.focus.armedGroup
                }
                if target?.id == g.id { target = nil }
            }
        }
        if type == .withdrawal && gainer == nil { gainer = nil }

        // modality and source
        let stmt = a.statements[s]
        var mod: Modality = .asserted
        if opts.contains(.negated) {
            mod = .negated
        } else if let c = modality.cue(text, k, clause: clause, trigger: trigger), !(c == .negated && type == .territoryHandover && sentenceSays(a, sr, ["without"])) {
            switch c {
            case .negated: mod = .negated
            case .planned: mod = .planned
            case .possible: mod = .possible
            }
        }
        if mod == .asserted || mod == .negated, let st = stmt, st.stance == .denies, let v = st.verb, v < k || !t[k].has(.quoted) {
            mod = .denied
        }
        // "the next target will be Hawija": the modal follows the noun
        if opts.contains(.intent) && mod == .asserted {
            for j in after..<min(sr.upperBound, after + 3) {
                if lexicon.isA(t[j], lexicon.possible) { mod = .possible; break }
                if lexicon.isA(t[j], lexicon.planned) { mod = .planned; break }
            }
        }
        if opts.contains(.intent) && mod != .planned && mod != .possible { return [] }
        // "..., but officials denied the city had fallen": a denial in the trigger's own clause
        if mod == .asserted, (clause..<k).contains(where: { attribution.role(t[$0]) == "deny" }) { mod = .denied }
        // "a statement ... denied that the city had been lost": the denial verb governs the clause "that" opens
        if mod == .asserted, clause > sr.lowerBound, t[clause - 1].hash == h("that") {
            var j = clause - 2
            while j >= max(sr.lowerBound, clause - 4), attribution.role(t[j]) != "deny", !isComma(a, j) { j -= 1 }
            if j >= sr.lowerBound, attribution.role(t[j]) == "deny" { mod = .denied }
        }
        if mod == .asserted, let st = stmt {
            // who speaks: an actor named in the speaker's words, or the country of "Azerbaijani President X"
            let speakerActor = st.speaker.flatMap { r in r.lazy.compactMap { a.actor($0) }.first?.actor }
            let speakerCountry = speakerActor?.country ?? st.speaker.flatMap { r in
                r.lazy.compactMap { self.gazetteer.demonyms[t[$0].hash] }.first
            }
            let gain = type == .defection ? target : (type == .withdrawal ? nil : gainer)
            // an evacuation, a deployment or an agreement announced by its own side is not a contested claim
            if !EventExtractor.contested.contains(type) {
                // stated as fact by its own side: asserted
            } else if st.stance == .claims {
                mod = .claimed
            } else if let g = gain {
                // the side that gains says so
                if speakerActor?.id == g.id || (speakerCountry != nil && speakerCountry == g.country
                                                && (g.kind == .stateForces || g.kind == .foreignState)) {
                    mod = .claimed
                }
            } else if type != .withdrawal, let sa = speakerActor, sa.kind == .nonStateArmedGroup {
                mod = .claimed
            }
            // "Aliyev said his forces had captured Jabrayil": the speaker's own side gains
            if mod == .asserted, EventExtractor.contested.contains(type), type != .withdrawal, ownForces(a, clause..<k) { mod = .claimed }
        }
        let source: SourceRef? = stmt.map { st in
            var kind = st.kind
            if let r = st.speaker, r.contains(where: { a.actor($0)?.actor.kind == .nonStateArmedGroup }) { kind = .party }
            return SourceRef(speaker: st.speakerText, channel: st.channel, kind: kind)
        }

        // date: the nearest time expression in the sentence; one that dates the speaking ("said on Saturday
        // that ...") gives way to one in the event's own clause
        var date = EventDate.unknown
        var dateAt = -1
        var bestD = Int.max
        let speech = stmt?.verb
        for d in a.dates where d.sentence == s && d.tokens.lowerBound >= a.datelineEnd {
            var dist = d.tokens.lowerBound >= after ? d.tokens.lowerBound - after : (k - d.tokens.upperBound) + 2
            if let v = speech, v < k, d.tokens.lowerBound > v, d.tokens.upperBound <= clause { dist += 12 }
            if dist < bestD { bestD = dist; date = d.date; dateAt = d.tokens.lowerBound }
        }
        // "two days after the city fell", "a week after the fall of Singa": not the day the sentence tells
        var b = k - 1
        while b >= max(sr.lowerBound, k - 5), t[b].hash != h("after") && t[b].hash != h("before") { b -= 1 }
        // (a date after the verb, in its own clause, stays: "a year after forces liberated Kherson on November 11")
        if b > sr.lowerBound, b >= k - 5, Self.durationUnits.contains(t[b - 1].hash), dateAt < k { date = .unknown }
        // "since Friday, when the town fell to them for the second time this year": the day inside the span
        if date.precision != .day, let s0 = date.start, let e0 = date.end {
            if let d = a.dates.first(where: { $0.sentence == s && $0.tokens.lowerBound >= a.datelineEnd && $0.date.precision == .day
                                              && $0.date.start.map { $0 >= s0 && $0 <= e0 } == true }) {
                date = d.date
            }
        }

        // the mention, one per place
        let evidence = a.evidence(of: s)
        var out: [EventMention] = []
        for slot in slots.isEmpty ? [nil] : slots.map({ Optional($0) }) {
            let placeRef = slot.map { $0.unresolved ?? gazetteer.places[$0.place].ref(matched: $0.matched) }
            var conf = 0.5
            if let slot { conf += slot.viaCoreference ? 0.08 : 0.15 }
            if actor != nil { conf += 0.1 }
            if date.start != nil { conf += 0.05 }
            if trigger.isVerb { conf += 0.1 }
            if mod == .asserted { conf += 0.05 }
            var idHash = StableHash()  // hexID([document, type, trigger offset, place]) without the array
            idHash.add(part: a.document.id, first: true)
            idHash.add(part: type.rawValue)
            idHash.add(part: String(t[k].start))
            idHash.add(part: placeRef?.key ?? "-")
            let id = StableHash.hex(idHash.value)
            out.append(EventMention(id: id, document: a.ref, type: type,
                                    actor: type == .defection ? actor?.actor : gainer,
                                    target: target, place: placeRef, date: date, modality: mod, source: source,
                                    evidence: evidence, confidence: min(0.95, conf), trigger: text.text(tokens: span)))
            if let slot, mod.movesControl || mod == .planned {
                state.lastEventPlace = slot.place >= 0 ? slot.place : nil
                if slot.unresolved != nil && !slot.viaCoreference { state.lastUnresolved = slot }
                state.lastEventSentence = s
            }
        }
        return out
    }

    /// "his forces", "its fighters", "our troops": a possessive pronoun right before a force word.
    func ownForces(_ a: DocumentAnalysis, _ r: Range<Int>) -> Bool {
        let t = a.text.tokens
        for i in r where Self.possessives.contains(t[i].hash) {
            var j = i + 1
            while j < min(r.upperBound, i + 3) {
                if lexicon.isA(t[j], lexicon.force) { return true }
                j += 1
            }
        }
        return false
    }

    /// Types whose report by one side is a claim the other side may dispute.
    static let contested: Set<EventType> = [.territoryTaken, .territoryHandover, .defection, .arrest, .armedClash, .remoteViolence]
    static let possessives: HashSet = HashSet(["his", "its", "their", "our", "her"].map { TokenHash.of($0.utf8) })

    static let durationUnits: HashSet = HashSet(["day", "days", "week", "weeks", "month", "months", "year", "years"]
        .map { TokenHash.of($0.utf8) })

    static let directions: HashSet = HashSet(["to", "towards", "toward", "into"].map { TokenHash.of($0.utf8) })
    static func isDirection(_ hash: UInt64) -> Bool { directions.contains(hash) }

    func sentenceSays(_ a: DocumentAnalysis, _ r: Range<Int>, _ words: [String]) -> Bool {
        let hs = words.map { TokenHash.of($0.utf8) }
        var found = 0
        for i in r where a.text.tokens[i].hash == hs[found] {
            found += 1
            if found == hs.count { return true }
        }
        return false
    }

    /// "soldiers", "troops": a force word before the trigger stands for the document's state forces.
    func forceSubject(_ a: DocumentAnalysis, _ k: Int, floor: Int) -> ActorMention? {
        for i in stride(from: k - 1, through: floor, by: -1) where lexicon.isA(a.text.tokens[i], lexicon.force) {
            if let c = a.focus.country {
                return ActorMention(tokens: i..<(i + 1), actor: actorRecognizer.lexicon.state(c, home: true), source: .generic,
                                    sentence: Int(a.text.tokens[i].sentence))
            }
        }
        return nil
    }

    /// The person a passive arrest is about: "the city's governor had been arrested".
    func personBefore(_ a: DocumentAnalysis, _ k: Int, floor: Int) -> Actor? {
        let t = a.text.tokens
        var i = k - 1
        while i >= floor, lexicon.isA(t[i], lexicon.aux) || lexicon.isA(t[i], lexicon.adverb) { i -= 1 }
        guard i >= floor else { return nil }
        if let m = a.actor(i) { return m.actor }
        guard lexicon.isA(t[i], lexicon.person) else { return nil }
        var j = i
        while j > floor, !t[j - 1].has(.punct) || isApostrophe(a, j - 1), i - j < 5,
              !lexicon.isA(t[j - 1], lexicon.aux), t[j - 1].hash != h("that") { j -= 1 }
        return person(a, j..<(i + 1))
    }

    func personAfter(_ a: DocumentAnalysis, _ k: Int, limit: Int) -> Actor? {
        let t = a.text.tokens
        var j = k
        while j < limit, j - k < 6, !t[j].has(.punct) || isApostrophe(a, j) {
            if let m = a.actor(j) { return m.actor }
            if lexicon.isA(t[j], lexicon.person) { return person(a, k..<(j + 1)) }
            j += 1
        }
        return nil
    }

    /// A token that is an apostrophe, compared in place: a String made per token cost more than the search.
    func isApostrophe(_ a: DocumentAnalysis, _ i: Int) -> Bool {
        let t = a.text.tokens[i]
        return a.text.token(t, is: "’") || a.text.token(t, is: "'")
    }

    func person(_ a: DocumentAnalysis, _ r: Range<Int>) -> Actor {
        let name = a.text.text(tokens: r)
        let id = Fold.words(name).filter { $0 != "the" && $0 != "s" }.joined(separator: "-")
        return Actor(name: name, id: id, kind: .governmentOfficial)
    }
}

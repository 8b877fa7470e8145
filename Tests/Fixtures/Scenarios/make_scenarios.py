#!/usr/bin/env python3
"""Writes the fusion scenarios: folders of short wire reports written for Sitrep that tell a sequence, each with
the changes of control it establishes (timeline.expected.jsonl) and its fused territory events
(events.expected.jsonl). Run from this folder; the output is committed."""
import json, os

def write(name, articles, timeline, events):
    os.makedirs(name, exist_ok=True)
    with open(f"{name}/corpus.jsonl", "w") as f:
        for i, (outlet, published, title, text) in enumerate(articles, 1):
            f.write(json.dumps({"id": f"{name}-{i:02d}", "url": f"https://{outlet}/{name}/{i:02d}", "outlet": outlet,
                                "published": published, "title": title, "text": text}, ensure_ascii=False) + "\n")
    with open(f"{name}/timeline.expected.jsonl", "w") as f:
        for t in timeline:
            f.write(json.dumps(dict(zip(["place", "country", "date", "controller", "previous"], t))) + "\n")
    with open(f"{name}/events.expected.jsonl", "w") as f:
        for e in events:
            f.write(json.dumps(dict(zip(["place", "country", "date", "controller", "modality", "sources"], e))) + "\n")

# 1. An offensive: provincial capitals fall one after another; a recap names them all without dates.
write("offensive", [
    ("wire.example.test", "2021-08-06", "Taliban take Zaranj, first provincial capital to fall",
     "KABUL, Aug 6 (Wire) - Taliban fighters captured Zaranj, the capital of Nimroz province on the Iranian border, on Friday, a provincial official said.\n\nGovernment forces withdrew from the city without a fight, the official said, asking not to be named."),
    ("dispatch.example.test", "2021-08-07", "Insurgents seize Sheberghan in the north",
     "MAZAR-I-SHARIF, Afghanistan (Dispatch) - The Taliban seized Sheberghan, the capital of Jowzjan province, on Saturday, a day after taking Zaranj in the southwest.\n\nLocal officials said security forces had retreated to the airport outside the city."),
    ("wire.example.test", "2021-08-08", "Kunduz falls to Taliban",
     "KABUL, Aug 8 (Wire) - Kunduz, one of the biggest cities in the north, fell to the Taliban on Sunday after days of fighting, a member of the provincial council said.\n\n\"The whole city is in their hands except the army base and the airport,\" he said."),
    ("post.example.test", "2021-08-08", "Two more northern capitals lost",
     "KABUL (Post) - The Taliban captured Sar-e-Pul and Taloqan on Sunday, officials said, bringing the number of provincial capitals taken in three days to five.\n\nIn Taloqan, residents said government troops had left overnight."),
    ("wire.example.test", "2021-08-09", "Taliban enter Aybak",
     "KABUL, Aug 9 (Wire) - Taliban fighters entered Aybak, the capital of Samangan province, on Monday after elders negotiated the withdrawal of government forces to spare the city, a local official said."),
    ("dispatch.example.test", "2021-08-10", "Pul-e-Khumri falls",
     "PUL-E-KHUMRI, Afghanistan (Dispatch) - The Taliban took control of Pul-e-Khumri, the capital of Baghlan province, on Tuesday, lawmakers from the province said.\n\nThe city lies on the main highway linking Kabul with the north."),
    ("wire.example.test", "2021-08-11", "Faizabad taken, ninth provincial capital",
     "KABUL, Aug 11 (Wire) - The Taliban captured Faizabad, the capital of Badakhshan province in the northeast, on Wednesday, a local lawmaker said."),
    ("analysis.example.test", "2021-08-12", "How the north was lost",
     "ANALYSIS - In less than a week the government lost Zaranj, Sheberghan, Kunduz, Sar-e-Pul, Taloqan, Aybak, Pul-e-Khumri and Faizabad, most of them without serious resistance.\n\nDiplomats in Kabul said the speed of the collapse had stunned Western capitals."),
    ("post.example.test", "2021-08-11", "Families flee to Kabul",
     "KABUL (Post) - Thousands of families who fled the fighting in the north have arrived in Kabul, camping in parks and on roadsides, aid workers said on Wednesday."),
    ("wire.example.test", "2021-08-10", "Residents describe Kunduz after Taliban takeover",
     "KUNDUZ, Afghanistan, Aug 10 (Wire) - Shops in Kunduz reopened on Tuesday, two days after the city fell to the Taliban, residents said, though many women stayed at home."),
], [
    ("Zaranj", "AF", "2021-08-06", "taliban", "af-government"),
    ("Shibirghan", "AF", "2021-08-07", "taliban", "af-government"),
    ("Kunduz", "AF", "2021-08-08", "taliban", "af-government"),
    ("Sar-e Pul", "AF", "2021-08-08", "taliban", "af-government"),
    ("Taloqan", "AF", "2021-08-08", "taliban", "af-government"),
    ("Aibak", "AF", "2021-08-09", "taliban", "af-government"),
    ("Pul-e Khumri", "AF", "2021-08-10", "taliban", "af-government"),
    ("Fayzabad", "AF", "2021-08-11", "taliban", "af-government"),
], [
    # the recap without dates supports every capture of the week before it; it adds no change
    ("Zaranj", "AF", "2021-08-06", "taliban", "asserted", 3), ("Shibirghan", "AF", "2021-08-07", "taliban", "asserted", 2),
    ("Kunduz", "AF", "2021-08-08", "taliban", "asserted", 3), ("Sar-e Pul", "AF", "2021-08-08", "taliban", "asserted", 2),
    ("Taloqan", "AF", "2021-08-08", "taliban", "asserted", 2), ("Aibak", "AF", "2021-08-09", "taliban", "asserted", 2),
    ("Pul-e Khumri", "AF", "2021-08-10", "taliban", "asserted", 2), ("Fayzabad", "AF", "2021-08-11", "taliban", "asserted", 2),
])

# 2. A town taken, retaken, and taken again.
write("seesaw", [
    ("wire.example.test", "2019-04-05", "Haftar's forces take Gharyan",
     "TRIPOLI, April 5 (Wire) - Forces loyal to eastern commander Khalifa Haftar took control of Gharyan, a hilltop town south of Tripoli, on Thursday after brief clashes, residents said."),
    ("coast.example.test", "2019-04-06", "Gharyan becomes base for Tripoli push",
     "GHARYAN, Libya (Coast News) - The LNA has turned Gharyan, which it seized on Thursday, into the main rear base for its advance on the capital, residents said on Saturday."),
    ("wire.example.test", "2019-06-27", "Tripoli forces retake Gharyan",
     "TRIPOLI, June 27 (Wire) - Forces of the Government of National Accord recaptured Gharyan on Wednesday in a surprise attack, officials in Tripoli said.\n\nLNA units pulled back south toward Jufra, residents said."),
    ("coast.example.test", "2019-06-28", "GNA shows off weapons found in Gharyan",
     "TRIPOLI (Coast News) - The Government of National Accord showed reporters missiles it said its forces found in Gharyan after they retook the town on Wednesday."),
    ("wire.example.test", "2019-09-15", "LNA pounds Gharyan from the air",
     "TRIPOLI, Sept 15 (Wire) - Warplanes loyal to Haftar struck positions on the edge of Gharyan on Sunday, residents said, the heaviest raids since the town changed hands in June."),
    ("wire.example.test", "2019-09-20", "Haftar forces seize Gharyan again",
     "TRIPOLI, Sept 20 (Wire) - Haftar's Libyan National Army seized Gharyan again on Friday, residents and a military source said, less than three months after losing the town."),
    ("coast.example.test", "2019-09-21", "Town changes hands for third time",
     "GHARYAN, Libya (Coast News) - Residents of Gharyan said on Saturday that LNA fighters had patrolled the streets since Friday, when the town fell to them for the second time this year."),
    ("wire.example.test", "2019-09-22", "UN envoy warns of escalation",
     "TRIPOLI, Sept 22 (Wire) - The UN envoy for Libya warned on Sunday that the fighting around Tripoli risked turning into a long war, and urged foreign backers to stop sending weapons."),
], [
    ("Gharyan", "LY", "2019-04-04", "lna", "ly-government"),
    ("Gharyan", "LY", "2019-06-26", "gna", "lna"),
    ("Gharyan", "LY", "2019-09-20", "lna", "gna"),
], [
    ("Gharyan", "LY", "2019-04-04", "lna", "asserted", 2), ("Gharyan", "LY", "2019-06-26", "gna", "asserted", 2),
    ("Gharyan", "LY", "2019-09-20", "lna", "asserted", 2),
])

# 3. A capture claimed, denied, then confirmed; another claimed and denied only.
write("claimed-denied", [
    ("wire.example.test", "2024-06-29", "RSF says it has taken Singa",
     "PORT SUDAN, June 29 (Wire) - Sudan's Rapid Support Forces said on Saturday their fighters had captured Singa, the capital of Sennar state, in a statement posted on social media."),
    ("nile.example.test", "2024-06-30", "Army denies losing Singa",
     "PORT SUDAN (Nile News) - The Sudanese army denied on Sunday that Singa had fallen, saying its troops were still fighting inside the city."),
    ("wire.example.test", "2024-07-01", "Residents confirm RSF control of Singa",
     "PORT SUDAN, July 1 (Wire) - Rapid Support Forces fighters captured Singa on Saturday, residents and aid workers said on Monday, as thousands of people fled east toward Gedaref."),
    ("relief.example.test", "2024-07-01", "Aid groups report exodus from Singa",
     "GEDAREF, Sudan (Relief Wire) - Aid agencies said on Monday that more than 50,000 people had fled Singa since the fighting began, many of them on foot."),
    ("wire.example.test", "2024-07-02", "RSF claims Dinder",
     "PORT SUDAN, July 2 (Wire) - The Rapid Support Forces said on Tuesday they had seized Dinder, a town east of Singa."),
    ("nile.example.test", "2024-07-03", "Army rejects RSF claim on Dinder",
     "PORT SUDAN (Nile News) - The army denied on Wednesday that Dinder had been lost and said its troops had repelled an RSF attack on the town."),
    ("wire.example.test", "2024-07-04", "Fighting spreads in Sennar state",
     "PORT SUDAN, July 4 (Wire) - Clashes between the army and the RSF spread across Sennar state on Thursday, residents said, a week after the fall of Singa."),
    ("nile.example.test", "2024-07-05", "Singa residents describe looting",
     "GEDAREF (Nile News) - People who escaped Singa said RSF fighters had looted homes and the main market after taking the city last Saturday."),
    ("relief.example.test", "2024-07-06", "UN appeals for Sennar",
     "GENEVA (Relief Wire) - The United Nations appealed on Saturday for safe passage for civilians fleeing Sennar state."),
    ("wire.example.test", "2024-07-06", "Army sends reinforcements east",
     "PORT SUDAN, July 6 (Wire) - The army said on Saturday it had sent reinforcements to Sennar state to stop the RSF advance."),
], [
    ("Singa", "SD", "2024-06-29", "rsf", "sd-government"),
], [
    ("Singa", "SD", "2024-06-29", "rsf", "asserted", 4),
    ("Ad-Dindar", "SD", "2024-07-02", "rsf", "contested", 1),  # GeoNames spells Dinder so
])

# 4. One wire story reprinted by eight outlets, and three independent reports of the same capture.
wire = ("HERAT, Afghanistan, Aug 12 (Wire) - Taliban fighters captured Herat, the country's third-largest city, on Thursday after government forces withdrew to a base outside the city, two officials said.\n\n"
        "Ismail Khan, a veteran commander who had led the defence of the city, was taken by the insurgents along with the provincial governor, the officials said.\n\n"
        "The fall of Herat leaves the government in control of only a handful of provincial capitals in the west, and the road to Kandahar open.")
copies = []
outlets = ["times.example.test", "gazette.example.test", "daily.example.test", "herald.example.test",
           "courier.example.test", "globe.example.test", "star.example.test", "ledger.example.test"]
for i, o in enumerate(outlets):
    text = wire if i % 2 == 0 else "\n\n".join(wire.split("\n\n")[:2])
    if i % 3 == 0:
        text += "\n\n(Reporting by Wire staff; editing by the desk)"
    copies.append((o, "2021-08-12" if i < 5 else "2021-08-13", ["Herat falls to Taliban", "Taliban capture Herat", "Afghanistan's third city falls"][i % 3], text))
write("syndication", [("wire.example.test", "2021-08-12", "Taliban capture Herat", wire)] + copies + [
    ("west.example.test", "2021-08-12", "Insurgents raise their flag in Herat",
     "HERAT (West News) - Residents of Herat woke on Thursday to Taliban flags over the governor's office. The insurgents seized the city on Thursday after soldiers abandoned their positions, a shopkeeper told West News by telephone."),
    ("frontline.example.test", "2021-08-13", "Herat: a city surrenders",
     "KABUL (Frontline) - Herat fell to the Taliban on Thursday with barely a shot fired, according to three residents and a former official, who said commanders had negotiated the handover of the city overnight."),
    ("asia.example.test", "2021-08-13", "Traders stranded as Herat falls",
     "KABUL (Asia Desk) - Hundreds of lorries were stranded on the road west of Herat after the Taliban captured the city on Thursday, traders said, and customs officials at the border crossing had fled."),
], [
    ("Herat", "AF", "2021-08-12", "taliban", "af-government"),
], [
    ("Herat", "AF", "2021-08-12", "taliban", "asserted", 4),
])

# 5. Historical captures mentioned in later news land at their own dates.
write("history", [
    ("wire.example.test", "2023-06-10", "Mosul marks six years since liberation",
     "MOSUL, Iraq, June 10 (Wire) - Mosul, which fell to Islamic State in June 2014, is still rebuilding six years after Iraqi forces drove the militants out, residents said on Saturday."),
    ("wire.example.test", "2023-06-11", "Tal Afar residents return",
     "TAL AFAR, Iraq, June 11 (Wire) - Families are returning to Tal Afar, which Iraqi forces recaptured in August 2017 after three years of Islamic State rule, local officials said on Sunday."),
    ("river.example.test", "2023-06-12", "Raqqa's long recovery",
     "RAQQA, Syria (River News) - Raqqa, which the Syrian Democratic Forces captured from Islamic State in October 2017, still has no working hospital, doctors said on Monday."),
    ("wire.example.test", "2023-06-13", "Flooding hits Mosul's old city",
     "MOSUL, Iraq, June 13 (Wire) - Heavy rain flooded parts of Mosul's old city on Tuesday, officials said, damaging houses rebuilt after the war."),
    ("river.example.test", "2023-06-14", "Clashes near Deir ez-Zor",
     "DEIR EZ-ZOR, Syria (River News) - Syrian Democratic Forces fighters clashed with tribal gunmen near Deir ez-Zor on Wednesday, residents said."),
], [
    ("Mosul", "IQ", "2014-06-01", "islamic-state", "iq-government"),
    ("Tall Afar", "IQ", "2017-08-01", "iq-government", "islamic-state"),
    ("Ar Raqqah", "SY", "2017-10-01", "sdf", "islamic-state"),
], [
    ("Mosul", "IQ", "2014-06-01", "islamic-state", "asserted", 1), ("Tall Afar", "IQ", "2017-08-01", "iq-government", "asserted", 1),
    ("Ar Raqqah", "SY", "2017-10-01", "sdf", "asserted", 1),
])
print("ok")

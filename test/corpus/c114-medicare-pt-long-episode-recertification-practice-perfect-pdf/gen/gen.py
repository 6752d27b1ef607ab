#!/usr/bin/env python3
"""Generator for chart c114 (Practice Perfect-like printed PDFs + ledger CSV).
Writes export/ next to this gen/ folder. Deterministic."""
import os, random, datetime as dt, csv, json

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXP = os.path.join(ROOT, "export")
random.seed(114)

D = lambda s: dt.date.fromisoformat(s)
def us(d): return d.strftime("%m/%d/%Y")

CLINIC = "Harrow Creek Physical Therapy & Rehab"
CLINIC_ADDR = "2210 Old Mill Rd, Suite 4, Kettering, OH 45429   Ph (937) 555-0148   Fax (937) 555-0149"
PRINTED = "Printed by Kasia Bramhall on 12/02/2026 10:42 AM"

DESC = {
    "97162": "PT Evaluation - Moderate Complexity",
    "97110": "Therapeutic Exercise",
    "97112": "Neuromuscular Re-education",
    "97140": "Manual Therapy Techniques",
    "97530": "Therapeutic Activities",
    "97116": "Gait Training",
    "G0283": "Electrical Stim, Unattended",
}
TIMED = {"97110", "97112", "97140", "97530", "97116"}
ALLOW = {"97162": 101.32, "97110": 29.18, "97112": 33.54, "97140": 26.88,
         "97530": 35.76, "97116": 29.44, "G0283": 11.02}
CHARGE = {"97162": 185.00, "97110": 62.00, "97112": 68.00, "97140": 58.00,
          "97530": 72.00, "97116": 60.00, "G0283": 32.00}
KX_2026 = 2480.00

def units_for_total(t):
    if t < 8: return 0
    return (t - 8) // 15 + 1

def allocate(procs):
    """procs: list of (code, minutes). Returns dict code->units (CMS method)."""
    out = {}
    timed = [(c, m) for c, m in procs if c in TIMED]
    total = sum(m for _, m in timed)
    U = units_for_total(total)
    for c, m in timed:
        out[c] = m // 15
    rem = U - sum(out.values())
    assert rem >= 0, (procs, U)
    order = sorted(timed, key=lambda cm: -(cm[1] % 15))
    i = 0
    while rem > 0:
        c, m = order[i % len(order)]
        out[c] += 1; rem -= 1; i += 1
    for c, m in procs:
        if c not in TIMED: out[c] = 1
    return out

def fix(procs):
    """clinic habit: every timed service listed receives a unit (minutes bumped where the therapist ran longer)"""
    procs = list(procs)
    while True:
        u = allocate(procs)
        zero = [k for k, (c, m) in enumerate(procs) if c in TIMED and u[c] == 0]
        if not zero: return procs, u
        k = zero[0]; procs[k] = (procs[k][0], procs[k][1] + 1)

def fmt_time(h, m):
    ap = "AM" if h < 12 else "PM"
    hh = h if h <= 12 else h - 12
    return f"{hh}:{m:02d} {ap}"

def add_min(h, m, k):
    t = h * 60 + m + k
    return t // 60, t % 60

# ------------------------------------------------------------------ page assembly
class Printer:
    def __init__(self, hdr_lines):
        self.hdr = hdr_lines
        self.pages = []   # list of list of lines
    def doc(self, lines, maxlines=46):
        # split into pages of body lines
        chunk = []
        for ln in lines:
            if ln == "<<PAGE>>":
                self.pages.append(chunk); chunk = []; continue
            chunk.append(ln)
            if len(chunk) >= maxlines:
                self.pages.append(chunk); chunk = []
        if chunk: self.pages.append(chunk)
    def render(self, columns="54,120,372,440,500", size=9):
        N = len(self.pages)
        out = [f"%% font: Helvetica", f"%% size: {size}", f"%% columns: {columns}"]
        for i, body in enumerate(self.pages):
            if i: out.append("\f")
            out += [CLINIC, CLINIC_ADDR] + self.hdr + ["-" * 118, ""]
            out += body
            out += ["", "-" * 118, f"{PRINTED}" + " " * 40 + f"Page {i+1} of {N}"]
        return "\n".join(out) + "\n"

def table(rows):
    return ["\t".join(str(x) for x in r) for r in rows]

def sig(name, cred, d, time="5:10 PM"):
    return [f"Electronically Signed By: {name}, {cred}    Date: {us(d)} {time}"]

# ------------------------------------------------------------------ ledger rows
LEDGER = []
CLAIMSEQ = [4810]

def bill_visit(pt, d, units, therapist, refdoc, dx, kx_state, claim):
    """kx_state: dict with ytd (running allowed), applykx (bool: clinic applies KX when over)."""
    lines = []
    order = sorted(units.items(), key=lambda cu: (cu[0] not in ("97162",), cu[0]))
    date_total = sum(round(ALLOW[c] * u, 2) for c, u in units.items())
    date_over = kx_state["ytd"] + date_total > KX_2026   # clinic appends KX to every line of the DOS that crosses
    for code, u in order:
        if u == 0: continue
        allow = round(ALLOW[code] * u, 2)
        charge = round(CHARGE[code] * u, 2)
        kx_state["ytd"] = round(kx_state["ytd"] + allow, 2)
        over = kx_state["ytd"] > KX_2026
        if over and kx_state.get("first_over") is None:
            kx_state["first_over"] = d
        kx = "KX" if (date_over and kx_state["applykx"]) else ""
        if over and not kx_state["applykx"]:
            kx_state.setdefault("missing", []).append(d)
        denied = over and not kx_state["applykx"]
        if denied:
            paid = 0.0; ptresp = 0.0; adj = 0.0; bal = charge; status = "Denied CO-119"
        else:
            paid = round(allow * 0.8 * 0.98, 2); ptresp = round(allow * 0.2, 2)
            adj = round(charge - paid - ptresp, 2); bal = ptresp; status = "Paid"
        LEDGER.append({
            "Chart #": pt["chart"], "Patient": pt["name"].upper(), "Case": pt["case"],
            "Visit Date": us(d), "Proc Code": code, "Description": DESC[code],
            "Mod 1": "GP", "Mod 2": kx, "Mod 3": "", "Units": u,
            "Charge": f"{charge:.2f}", "Exp Allow": f"{allow:.2f}", "Paid": f"{paid:.2f}",
            "Adjust": f"{adj:.2f}", "Pt Resp": f"{ptresp:.2f}", "Balance": f"{bal:.2f}",
            "Ins Plan": "MEDICARE PART B - CGS J15", "Claim #": claim, "Status": status,
            "Therapist": therapist, "Referring Dr": refdoc, "Dx 1": dx,
        })
    return lines

def claim_for(pt, d):
    # one claim per patient per ISO week
    key = (pt["chart"], d.isocalendar()[:2])
    if key not in pt["claims"]:
        CLAIMSEQ[0] += 7
        pt["claims"][key] = f"PP26-{CLAIMSEQ[0]:06d}"
    return pt["claims"][key]

COLS = "54,100,230,300,372,440"

def proc_table(procs, units):
    rows = [["CPT", "Description", "", "", "Minutes", "Units"]]
    for c, m in procs:
        rows.append([c, DESC[c], "", "", m, units[c]])
    return table(rows)

def header_lines(pt):
    return [f"Patient: {pt['name']}     Chart #: {pt['chart']}     DOB: {pt['dob']}     MBI: {pt['mbi']}",
            f"Insurance: Medicare Part B     Case: {pt['case']}"]

def weekday_dates(start, end, weekdays, skip=()):
    d = D(start); out = []
    while d <= D(end):
        if d.weekday() in weekdays and us(d) not in skip:
            out.append(d)
        d += dt.timedelta(days=1)
    return out

def treatment_note(pt, v, d, procs, units, subj, detail, assess, plan, therapist, cred, cert, t0):
    timed = sum(m for c, m in procs if c in TIMED)
    total = sum(m for c, m in procs)
    h2, m2 = add_min(t0[0], t0[1], total)
    L = ["TREATMENT NOTE", "",
         f"Date of Service: {us(d)}     Visit #: {v}     Time In: {fmt_time(*t0)}     Time Out: {fmt_time(h2, m2)}",
         f"Provider: {therapist}, {cred}     Location: Kettering Clinic",
         f"Certification Period: {cert}",
         "",
         "SUBJECTIVE", subj, "",
         "OBJECTIVE",
         "Procedures"]
    L += proc_table(procs, units)
    L += [f"Total Timed Code Minutes: {timed}     Total Treatment Time: {total} min", ""]
    L += ["Treatment Detail:"] + ["  " + x for x in detail] + [""]
    L += ["ASSESSMENT", assess, "", "PLAN", plan, ""]
    L += sig(therapist, cred, d, random.choice(["12:41 PM", "1:05 PM", "4:52 PM", "5:18 PM", "6:02 PM"]))
    return L

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f: f.write(text)

# ================================================================== PATIENT A (clean, long, recert, KX)
def patient_a():
    pt = dict(name="Gaskill, Rosalind M.", chart="20417", dob="08/17/1949", mbi="4TQ8-WJ2-KM71",
              case="R Shoulder - Post-op RCR 2026", claims={})
    TH, CR = "Therese Vanhoose", "PT, DPT"
    MD = "Harlan B. Ostergaard, MD"
    dx = "M75.121"
    P = Printer(header_lines(pt))
    dates = weekday_dates("2026-03-09", "2026-05-28", (0, 3), skip=("04/16/2026", "05/25/2026"))
    dates += weekday_dates("2026-06-01", "2026-06-25", (0, 3))
    dates += [D("2026-07-02"), D("2026-07-09"), D("2026-07-16"), D("2026-07-23")]
    n = len(dates)
    cert1 = "03/09/2026 - 05/31/2026"
    cert2 = "06/01/2026 - 08/23/2026"
    kx = {"ytd": 0.0, "applykx": True}

    # --- eligibility + referral
    P.doc([
        "INSURANCE ELIGIBILITY VERIFICATION", "",
        "Payer: Medicare Part B (CGS Administrators, J15)     Inquiry: HETS 270/271     Checked: 03/04/2026 9:12 AM by kbramhall",
        f"Beneficiary: GASKILL, ROSALIND M     MBI: {pt['mbi']}     DOB: {pt['dob']}",
        "Coverage Status: Active - Part A eff. 09/01/2014, Part B eff. 09/01/2014",
        "MSP: None on file     Medicare Advantage: None     Hospice: None",
        "Part B Deductible 2026: $283.00 - Remaining $0.00",
        "Therapy Threshold (KX) 2026 - PT/SLP Combined Amount Applied: $0.00     OT Amount Applied: $0.00",
        "Note: no outpatient therapy claims on file for 2026. Secondary: AARP Medicare Supplement Plan G.",
        "",
        "<<PAGE>>",
        "REFERRAL / PHYSICIAN ORDER", "",
        "Received: 02/27/2026 via e-Fax from Miami Valley Orthopaedic Associates",
        f"Referring Physician: {MD}     NPI: 1679034512",
        "Order Date: 02/26/2026",
        "Diagnosis: M75.121 Complete rotator cuff tear of right shoulder, nontraumatic; s/p R arthroscopic RCR 02/12/2026",
        "Order: Physical therapy - evaluate and treat. Post-op RCR protocol (large tear): sling 6 wks, PROM only wk 0-6,",
        "AAROM/AROM wk 6-10, progressive strengthening wk 10+. No resisted IR/ER before 12 wks. Freq 2x/wk.",
        "Duration: 12-16 weeks.",
        f"Electronically signed by {MD} on 02/26/2026 4:37 PM",
    ])

    # --- initial evaluation (visit 1)
    d1 = dates[0]
    procs1 = [("97162", 40), ("97110", 12)]
    u1 = allocate(procs1)
    ev = [
        "INITIAL EVALUATION", "",
        f"Date of Service: {us(d1)}     Visit #: 1     Time In: 8:00 AM     Time Out: 8:52 AM",
        f"Provider: {TH}, {CR}     Referring Physician: {MD} (NPI 1679034512)",
        "Medical Diagnosis: M75.121 Complete rotator cuff tear/rupture of right shoulder, not specified as traumatic",
        "Treatment Diagnosis: Z47.89 Encounter for other orthopedic aftercare; M25.611 Stiffness of right shoulder;",
        "  M62.81 Muscle weakness (generalized)",
        "Date of Onset: 02/12/2026 (date of surgery)     Hand Dominance: R",
        "",
        "SUBJECTIVE",
        "History of Present Condition: 76 y/o F, R hand dominant, with gradual onset R shoulder pain since 08/2025, failed",
        "conservative care (CSI x2, 6 visits PT 10-11/2025 at another clinic, minimal relief). MRI 12/2025 full-thickness",
        "supraspinatus tear w/ 2.8 cm retraction + partial infraspinatus. Underwent R arthroscopic RCR (double row) + SAD +",
        "biceps tenodesis 02/12/2026 w/ Dr. Ostergaard. Now 3.5 wks post-op, in abduction sling. Reports pain mostly at",
        "night, sleeping in recliner. Husband helping w/ dressing and hair.",
        "Pain: NPRS 4/10 at rest, 7/10 at worst (night, reaching), 3/10 at best. Ice + acetaminophen help.",
        "Past Medical History: HTN (controlled), hypothyroidism, osteopenia (DEXA 2024), L TKA 2019. Denies DM, cardiac hx.",
        "Medications: lisinopril 10 mg, levothyroxine 75 mcg, calcium/vit D, acetaminophen 500 mg prn, oxycodone d/c'd 02/20.",
        "Prior Level of Function: Independent all ADLs/IADLs, drives, gardening 1-2 hr/day in season, volunteers at church",
        "food pantry (lifting cans to shelves). Lives w/ husband in 1-story home.",
        "Patient Goals: \"Get my arm back so I can do my garden and reach my cupboards.\"",
        "Red flags: denies fever, chills, calf pain, numbness/tingling. Incisions healed, steri-strips off.",
        "",
        "OBJECTIVE",
        "Observation: R UE in sling w/ abduction pillow, guarded posture, mild forward head, R scapula protracted. Portals",
        "clean/dry. Mild edema R deltoid region. TTP R upper trap, biceps groove.",
        "Objective Measures",
    ]
    ev += table([
        ["Measure", "", "Right", "Left", "Comments"],
        ["Shoulder flexion PROM (deg)", "", "100", "165", "supine, pain end range"],
        ["Shoulder abduction PROM (deg)", "", "75", "160", "scapular plane"],
        ["Shoulder ER PROM @ 30 abd (deg)", "", "25", "70", "protocol limit 40"],
        ["Shoulder IR PROM (deg)", "", "35", "65", ""],
        ["Shoulder AROM / MMT", "", "NT", "WNL", "per protocol, PROM phase"],
        ["Elbow/wrist/hand AROM", "", "WNL", "WNL", "grip 38 lb R / 44 lb L"],
        ["Cervical AROM", "", "WNL", "", "mild R UT tightness"],
    ])
    ev += [
        "Sensation: intact to light touch C5-T1 bilat.     Special tests: deferred (post-op).",
        "Functional Outcome: QuickDASH 70.5/100 (higher = greater disability). Unable: wash back, carry bag, open jar, heavy chores.",
        "Functional Limitations: unable to reach overhead/behind back w/ R UE, requires assist for dressing (bra, coat),",
        "hair care, unable to lift/carry >1 lb w/ R, sleep disturbed by pain, unable to garden or do volunteer work.",
        "",
        "ASSESSMENT",
        "Pt is a 76 y/o F 3.5 wks s/p R arthroscopic RCR presenting w/ expected post-op stiffness, pain and loss of function.",
        "PROM limited in all planes, pain at end range. Impairments limit ADLs (dressing, grooming, reaching) and IADLs",
        "(gardening, household tasks). Comorbidities (osteopenia, age, large retracted tear) increase risk of re-tear and",
        "require careful protocol progression. Evaluation complexity: moderate (history w/ 1-2 personal factors/",
        "comorbidities, 3+ body systems/activity limitations, evolving presentation). Pt requires skilled PT for protocol-",
        "based ROM progression, manual therapy, graded strengthening and education to restore function.",
        "Rehab Potential: Good - motivated, good support, healthy tissue per op report.",
        "Problem List: 1) Decreased R shoulder ROM  2) Pain  3) Decreased R UE strength  4) Impaired ADLs/IADLs",
        "",
        "GOALS",
        "Short Term Goals (6 weeks - target date 04/20/2026):",
        "  STG 1: R shoulder PROM flexion >= 140 deg and ER >= 45 deg to allow progression to AROM per protocol.",
        "  STG 2: Pt independent w/ post-op HEP and sling weaning per MD protocol, 100% accuracy.",
        "  STG 3: Pain <= 3/10 at worst w/ ADLs and sleep >= 5 hrs in bed.",
        "Long Term Goals (12 weeks - target date 05/31/2026):",
        "  LTG 1: R shoulder AROM flexion >= 150 deg to reach upper kitchen cabinet shelf independently.",
        "  LTG 2: R shoulder flexion/abduction/ER strength >= 4/5 to lift 5 lb item to shoulder-height shelf.",
        "  LTG 3: QuickDASH <= 30/100.",
        "  LTG 4: Independent UE dressing (bra, coat) and hair care w/ pain <= 3/10.",
        "",
        "PLAN",
        "Amount: 1 session/day, 30-60 min per session",
        "Frequency: 2x/week     Duration: 12 weeks     Certification Period: " + cert1,
        "Planned Interventions: 97110 therapeutic exercise, 97140 manual therapy (PROM, joint mobs, STM), 97112",
        "neuromuscular re-education (scapular/RC stabilization), 97530 therapeutic activities (reach/lift tasks), HEP,",
        "pt/caregiver education, cryotherapy. Progress per Dr. Ostergaard RCR protocol.",
        "Treatment Today: eval completed; HEP issued - pendulums, table slides, scap retraction, elbow/wrist/hand AROM,",
        "sling don/doff and positioning w/ husband present.",
        "Procedures",
    ]
    ev += proc_table(procs1, u1)
    ev += ["Total Timed Code Minutes: 12     Total Treatment Time: 52 min", ""]
    ev += sig(TH, CR, d1, "11:48 AM")
    ev += ["",
           "PHYSICIAN CERTIFICATION OF PLAN OF CARE",
           "I have reviewed this plan of care and certify that the services are medically necessary and furnished while",
           "the patient is under my care. Certification Period: " + cert1,
           f"Physician: {MD}     NPI: 1679034512",
           f"Physician Signature: Electronically signed via Physician Portal by {MD}     Date: 03/13/2026 7:22 AM"]
    P.doc(ev)
    bill_visit(pt, d1, u1, TH, MD, dx, kx, claim_for(pt, d1))

    # --- treatment visits
    pn_days = {10, 20, 30}
    flex_prom = [100]; flex_arom = [0]
    subj_p1 = ["Pt reports sleeping a little better, {p}/10 pain at night. Doing pendulums 3x/day.",
               "Sore after last session ~1 day, settled w/ ice. Pain {p}/10 today.",
               "Husband still helping w/ bra. Pain {p}/10, worst reaching for seatbelt w/ L arm and bumping R.",
               "Did HEP 2x/day. No new complaints. Pain {p}/10.",
               "Slept in bed 2 nights this wk. Pain {p}/10 at worst."]
    subj_p2 = ["Out of sling since 03/26 per MD. Using R arm for light tasks at waist level. Pain {p}/10.",
               "Reports fatigue in arm after washing dishes. Pain {p}/10.",
               "Able to brush hair w/ R hand, slow. Pain {p}/10 w/ reaching overhead.",
               "Some achiness after gardening seedlings at table height. Pain {p}/10.",
               "HEP going well, using theraband now. Pain {p}/10."]
    subj_p3 = ["Reaching into upper cupboard for lighter items. Pain {p}/10 w/ heavier items.",
               "Helped at food pantry 1 hr, sore after. Pain {p}/10.",
               "No pain w/ dressing now. Some soreness lifting watering can. Pain {p}/10.",
               "Weeded for 20 min, fine. Pain {p}/10 at worst.",
               "Reports R arm 'feels stronger'. Pain {p}/10."]
    for i, d in enumerate(dates[1:], start=2):
        phase = 1 if i <= 11 else (2 if i <= 22 else 3)
        if phase == 1:
            m140 = random.choice([18, 20, 22, 23, 25]); m110 = random.choice([15, 17, 20, 22])
            procs = [("97140", m140), ("97110", m110)]
            fp = min(100 + (i - 1) * 5, 150); er = 25 + (i - 1) * 23 // 9
            p = max(2, 6 - i // 3)
            subj = random.choice(subj_p1).format(p=p)
            detail = [f"PROM R shoulder flex/scaption/ER supine, gr I-II GH inferior/posterior mobs; PROM flex {fp} deg, ER {er} deg",
                      f"STM R UT/pec minor, biceps tendon area",
                      f"Pendulums 2x1 min, table slides flex 2x10, scap retraction/depression 2x10, ball squeezes 2x15",
                      f"Cryo to R shoulder post-tx 10 min (not billed)" if i % 2 else f"Reviewed sling positioning, HEP updated (seated AAROM w/ cane {'flex' if i>6 else 'ER'} 2x10)"]
            assess = f"Tolerated PROM well w/ pain {p+1}/10 at end range, no increase post-tx. Gains in flex to {fp} deg. Continues to require skilled manual therapy and protocol-based progression."
            plan = "Cont POC per protocol. Progress PROM as tolerated; begin AAROM wk 6 per MD." if i < 9 else "Cont POC. Begin AAROM per protocol; progress toward AROM."
        elif phase == 2:
            m110 = random.choice([20, 22, 24, 25, 28]); m112 = random.choice([10, 12, 13, 15]); m140 = random.choice([8, 10, 11, 12])
            procs = [("97110", m110), ("97112", m112), ("97140", m140)]
            af = 103 + (i - 11) * 11 // 3; p = random.choice([2, 3, 3, 4])
            subj = random.choice(subj_p2).format(p=p)
            detail = [f"AAROM pulleys flex/scaption 3 min, wand ER 2x12; AROM supine flex 2x10 -> standing scaption 2x8 to {af} deg",
                      f"Sidelying ER no wt 2x{10 + (i % 3) * 2}, prone rows 2x12, prone ext 2x10, scap retraction w/ arm at side 2x15",
                      f"NMR: rhythmic stabilization supine @ 90 flex 3x30 sec, scapular clock on wall, PNF D2 flex AAROM 2x8",
                      f"Manual: posterior capsule mobs gr III, STM infraspinatus/teres, {m140} min"]
            assess = f"AROM flex {af} deg w/ mild shrug compensation, improving scapular control w/ cues. Pt needs skilled cues for scap mechanics and graded loading to protect repair."
            plan = "Cont POC. Progress AROM, initiate light theraband at wk 10 per protocol."
        else:
            m110 = random.choice([20, 22, 23, 25]); m530 = random.choice([12, 14, 15, 17, 18]); m112 = random.choice([8, 9, 10, 12])
            procs = [("97110", m110), ("97530", m530), ("97112", m112)]
            af = 139 + (i - 21) * 17 // 13; p = random.choice([1, 2, 2, 3])
            wt = 1 if i < 27 else (2 if i < 31 else 3)
            subj = random.choice(subj_p3).format(p=p)
            detail = [f"UBE 5 min fwd/back; theraband ER/IR (yellow->red) 3x12, rows/ext green 3x12, scaption {wt} lb 3x10, flex to {af} deg",
                      f"Functional reach: lifting {wt + 1}-{wt + 3} lb cans to shoulder/overhead shelf 3x8, carrying basket 20 ft x4, reaching behind back/donning coat practice",
                      f"NMR: ball on wall circles 3x30 sec, prone Y/T 2x8, body blade @ 90 flex 3x20 sec",
                      f"Reviewed HEP progression; pt demonstrates correct form"]
            assess = f"Good tolerance to progressive loading, AROM flex {af} deg, fatigue w/ overhead reps. Skilled PT needed to progress strength/functional reach safely."
            plan = "Cont POC, progress resistance and overhead functional tasks." if i < 31 else "Cont POC 1x/wk, emphasize independent HEP, anticipate D/C when goals met."
        procs, u = fix(procs)
        cert = cert1 if d <= D("2026-05-31") else cert2
        t0 = random.choice([(8, 0), (9, 0), (10, 15), (13, 30), (14, 0)])
        P.doc(treatment_note(pt, i, d, procs, u, subj, detail, assess, plan, TH, CR, cert, t0))
        bill_visit(pt, d, u, TH, MD, dx, kx, claim_for(pt, d))
        if i in pn_days:
            P.doc(progress_a(pt, i, d, dates, TH, CR, MD, cert))
        if us(d) == "05/21/2026":
            P.doc(recert_a(pt, i, d, TH, CR, MD))
    # discharge
    P.doc(discharge_a(pt, n, dates, TH, CR, MD))
    P.doc(corr_log([
        ("03/09/2026 12:02 PM", "Fax", f"Initial Evaluation/Plan of Care 03/09/2026 sent to {MD} for certification", "kbramhall"),
        ("03/13/2026 7:22 AM", "Physician Portal", "Plan of Care 03/09/2026 signed by physician", "system"),
        ("04/09/2026 5:40 PM", "Fax", f"Progress Note 04/09/2026 sent to {MD}", "tvanhoose"),
        ("05/18/2026 5:31 PM", "Fax", f"Progress Note 05/18/2026 sent to {MD}", "tvanhoose"),
        ("05/21/2026 4:58 PM", "Fax", f"Recertification 05/21/2026 sent to {MD} for signature", "kbramhall"),
        ("05/27/2026 6:55 AM", "Physician Portal", "Recertification 05/21/2026 signed by physician", "system"),
        ("06/25/2026 5:12 PM", "Fax", f"Progress Note 06/25/2026 sent to {MD}", "tvanhoose"),
        ("07/23/2026 5:44 PM", "Fax", f"Discharge Summary 07/23/2026 sent to {MD}", "tvanhoose"),
    ]))
    write(os.path.join(EXP, "Gaskill_Rosalind_20417", "Gaskill_Rosalind_ChartPrint_20417.pdf.txt"), P.render(COLS))
    return pt, dates, kx

def corr_log(rows):
    L = ["CASE CORRESPONDENCE LOG", "", "Date/Time   Method   Description   [User]"]
    for a, b, c, e in rows:
        L.append(f"{a}   {b}   {c}   [{e}]")
    return L

def pn_header(title, d, v, period, TH, CR, cert, MD):
    return [title, "",
            f"Date: {us(d)}     Visit #: {v}     Reporting Period: {period}",
            f"Provider: {TH}, {CR}     Referring Physician: {MD}",
            f"Certification Period: {cert}", ""]

def progress_a(pt, v, d, dates, TH, CR, MD, cert):
    if v == 10:
        L = pn_header("PROGRESS NOTE", d, v, "03/09/2026 - 04/09/2026", TH, CR, cert, MD)
        L += ["SUBJECTIVE",
              "Pt reports night pain much improved, sleeping in bed 5-6 hrs. Out of sling since 03/26 per MD. Pain 2/10 rest,",
              "4/10 worst w/ reaching. Still needs husband's help w/ bra and coat. Compliant w/ HEP 2x/day.", "",
              "OBJECTIVE", "Objective Measures"]
        L += table([["Measure", "", "Eval 03/09", "Current", "Change"],
                    ["Shoulder flexion PROM (deg)", "", "100", "145", "+45"],
                    ["Shoulder abduction PROM (deg)", "", "75", "120", "+45"],
                    ["Shoulder ER PROM @ 30 abd (deg)", "", "25", "48", "+23"],
                    ["Shoulder flexion AAROM (deg)", "", "NT", "118", "wand, supine"],
                    ["QuickDASH (/100)", "", "70.5", "59.1", "-11.4"],
                    ["Pain worst (NPRS)", "", "7/10", "4/10", "-3"]])
        L += ["",
              "GOAL STATUS",
              "  STG 1 (PROM flex >= 140, ER >= 45 by 04/20/2026): MET - PROM flex 145 deg, ER 48 deg.",
              "  STG 2 (independent HEP/sling weaning): MET - independent, sling d/c'd 03/26 per MD.",
              "  STG 3 (pain <= 3/10 worst, sleep >= 5 hrs): PARTIALLY MET - sleeping 5-6 hrs, pain 4/10 worst.",
              "  LTG 1 (AROM flex >= 150 by 05/31/2026): PROGRESSING - AAROM 118 deg, AROM phase starting.",
              "  LTG 2 (strength >= 4/5): NOT YET ASSESSED - resisted testing deferred per protocol until 12 wks.",
              "  LTG 3 (QuickDASH <= 30): PROGRESSING - 59.1 (from 70.5).",
              "  LTG 4 (indep dressing/hair care, pain <= 3/10): PROGRESSING - brushes hair w/ L, needs assist w/ bra/coat.",
              "",
              "ASSESSMENT",
              "Good progress w/ PROM, STGs 1 and 2 met. Now 8 wks post-op and entering AAROM/AROM phase; requires skilled PT",
              "for scapulohumeral rhythm retraining, graded AROM and protected strengthening. Prognosis good for LTGs.",
              "",
              "PLAN",
              "Continue POC 2x/wk per current certification. Progress to AROM, scapular NMR; begin light resistance wk 10.",
              "Goals unchanged. Copy of this report faxed to Dr. Ostergaard.", ""]
    elif v == 20:
        L = pn_header("PROGRESS NOTE", d, v, "04/13/2026 - 05/18/2026", TH, CR, cert, MD)
        L += ["SUBJECTIVE",
              "Pt reports using R arm for most light ADLs; dresses independently incl. bra, slower than before. Can reach",
              "2nd cabinet shelf, not top. Pain 1/10 rest, 3/10 worst w/ reaching overhead. Wants to return to gardening and",
              "food pantry shelving. Saw Dr. Ostergaard 05/12 - cleared for progressive strengthening.", "",
              "OBJECTIVE", "Objective Measures"]
        L += table([["Measure", "", "Last PN 04/09", "Current", "Change"],
                    ["Shoulder flexion AROM (deg)", "", "NT", "136", "standing, mild shrug"],
                    ["Shoulder flexion PROM (deg)", "", "145", "160", "+15"],
                    ["Shoulder abduction AROM (deg)", "", "NT", "118", ""],
                    ["Shoulder ER AROM (deg)", "", "NT", "52", ""],
                    ["MMT flex / abd / ER (R)", "", "NT", "3+/5 3+/5 3+/5", "L 5/5"],
                    ["QuickDASH (/100)", "", "59.1", "40.9", "-18.2"],
                    ["Pain worst (NPRS)", "", "4/10", "3/10", "-1"]])
        L += ["",
              "GOAL STATUS",
              "  STG 3 (pain <= 3/10 worst, sleep >= 5 hrs): MET - 3/10 worst, sleeping through night.",
              "  LTG 1 (AROM flex >= 150 by 05/31/2026): PARTIALLY MET - 136 deg AROM.",
              "  LTG 2 (strength >= 4/5): NOT MET - 3+/5 flex/abd/ER; improving since resisted ex started.",
              "  LTG 3 (QuickDASH <= 30): PROGRESSING - 40.9.",
              "  LTG 4 (indep dressing/hair care, pain <= 3/10): MET - independent.",
              "",
              "ASSESSMENT",
              "Steady gains in AROM and function; LTG 4 met. Strength and overhead reach remain limited, consistent with",
              "large-tear healing timeline (14 wks post-op). Pt will not meet LTGs 1-3 by end of current cert period 05/31/2026.",
              "Continued skilled PT is medically necessary for progressive RC/scapular strengthening and functional overhead",
              "tasks. Pt is approaching the 2026 therapy threshold; services remain reasonable and necessary as documented",
              "above and KX modifier will be appended once the threshold is reached.",
              "",
              "PLAN",
              "Continue 2x/wk through 05/31/2026. Recertification w/ updated goals to be sent to Dr. Ostergaard this week.",
              "Copy of this report faxed to Dr. Ostergaard.", ""]
    else:  # 30
        L = pn_header("PROGRESS NOTE", d, v, "05/21/2026 - 06/25/2026", TH, CR, cert, MD)
        L += ["SUBJECTIVE",
              "Pt reports reaching top cabinet shelf for light items, gardening 20-25 min at a time. Helped at food pantry",
              "2x, sore next day but resolved. Pain 0/10 rest, 2/10 worst w/ lifting heavier pots.", "",
              "OBJECTIVE", "Objective Measures"]
        L += table([["Measure", "", "Recert 05/21", "Current", "Change"],
                    ["Shoulder flexion AROM (deg)", "", "139", "150", "+11"],
                    ["Shoulder abduction AROM (deg)", "", "120", "142", "+22"],
                    ["Shoulder ER AROM (deg)", "", "54", "66", "+12"],
                    ["MMT flex / abd / ER (R)", "", "3+/5 3+/5 3+/5", "4-/5 4-/5 4/5", ""],
                    ["Lift 5 lb to overhead shelf", "", "unable", "3 reps", "mild shrug rep 3"],
                    ["QuickDASH (/100)", "", "38.6", "27.3", "-11.3"]])
        L += ["",
              "GOAL STATUS (goals per recertification 05/21/2026, target 08/23/2026)",
              "  LTG 1 (AROM flex >= 150): MET - 150 deg.",
              "  LTG 2 (strength >= 4/5 flex/abd/ER): PARTIALLY MET - ER 4/5, flex/abd 4-/5.",
              "  LTG 3 (QuickDASH <= 25): PROGRESSING - 27.3.",
              "  LTG 4 (lift 5 lb to overhead shelf x5): PROGRESSING - 3 reps w/ good mechanics.",
              "  LTG 5 (garden 30 min w/o next-day pain increase): PROGRESSING - 20-25 min tolerated.",
              "",
              "ASSESSMENT",
              "Continued objective gains; remaining deficits in overhead strength/endurance. Pt ready to reduce frequency",
              "to 1x/wk w/ emphasis on independent HEP. Skilled PT remains necessary to progress loading safely.",
              "2026 therapy threshold reached 06/18/2026 - KX modifier appended from that DOS; continued services are",
              "medically necessary to meet LTGs 2-5 as measured above.",
              "",
              "PLAN",
              "Reduce to 1x/wk x 4 wks per recert POC; anticipate discharge when goals met. Copy faxed to Dr. Ostergaard.", ""]
    L += sig(TH, CR, d, "5:26 PM")
    return L

def recert_a(pt, v, d, TH, CR, MD):
    L = ["RECERTIFICATION / UPDATED PLAN OF CARE", "",
         f"Date: {us(d)}     Visit #: {v}     Initial Eval: 03/09/2026",
         f"Provider: {TH}, {CR}     Referring Physician: {MD} (NPI 1679034512)",
         "Previous Certification Period: 03/09/2026 - 05/31/2026",
         "New Certification Period: 06/01/2026 - 08/23/2026",
         "Diagnosis: M75.121 Complete RC tear R shoulder (s/p arthroscopic RCR 02/12/2026); Z47.89; M25.611; M62.81", "",
         "SUMMARY OF PROGRESS",
         "Pt has attended 21 visits since 03/09/2026. 14 wks post-op. Current: AROM flex 139 deg, abd 120 deg, ER 54 deg;",
         "strength 3+/5 flex/abd/ER; QuickDASH 38.6 (eval 70.5). Independent w/ dressing and hair care. Pain 0-3/10.",
         "Remaining limitations: unable to lift items to overhead shelf, unable to garden > 10 min or shelve cans at food",
         "pantry; fatigue w/ sustained overhead activity.", "",
         "STATUS OF CURRENT GOALS",
         "  STG 1-3: MET.   LTG 1 (AROM flex >= 150): PARTIALLY MET (139).   LTG 2 (strength >= 4/5): NOT MET (3+/5).",
         "  LTG 3 (QuickDASH <= 30): PROGRESSING (38.6).   LTG 4 (indep dressing/hair): MET.", "",
         "ASSESSMENT / JUSTIFICATION FOR CONTINUED CARE",
         "Pt is progressing as expected after large RCR; tissue healing allows progressive strengthening only from",
         "12 wks. Continued skilled PT is required to restore overhead strength and return to IADLs (gardening,",
         "volunteer shelving) without compromising repair. Rehab potential: good. Services are expected to exceed the",
         "2026 therapy threshold during this period; they are medically necessary and KX will be applied when reached.", "",
         "UPDATED GOALS (target date 08/23/2026)",
         "  LTG 1: R shoulder AROM flexion >= 150 deg (continued).",
         "  LTG 2: R shoulder flexion/abduction/ER strength >= 4/5 (continued).",
         "  LTG 3: QuickDASH <= 25/100 (revised).",
         "  LTG 4: Lift 5 lb item to overhead shelf x5 reps w/o substitution and pain <= 2/10 (new).",
         "  LTG 5: Garden 30 min incl. reaching/lifting pots w/o next-day pain increase (new).", "",
         "PLAN",
         "Amount: 1 session/day, 30-60 min.   Frequency/Duration: 2x/week x 4 weeks, then 1x/week x 8 weeks (12 weeks).",
         "Interventions: 97110 ther ex, 97530 ther activities (overhead reach/lift/carry), 97112 NMR (scapular/RC",
         "stabilization), 97140 manual therapy prn, HEP progression.", ""]
    L += sig(TH, CR, d, "4:51 PM")
    L += ["",
          "PHYSICIAN RECERTIFICATION",
          "I have reviewed the updated plan of care and certify the continued need for these services for the",
          "certification period 06/01/2026 - 08/23/2026 while the patient is under my care.",
          f"Physician: {MD}     NPI: 1679034512",
          f"Physician Signature: Electronically signed via Physician Portal by {MD}     Date: 05/27/2026 6:55 AM"]
    return L

def discharge_a(pt, n, dates, TH, CR, MD):
    d = dates[-1]
    L = ["DISCHARGE SUMMARY", "",
         f"Date: {us(d)}     Visit #: {n}     Episode: 03/09/2026 - {us(d)}     Total Visits: {n}",
         f"Provider: {TH}, {CR}     Referring Physician: {MD}",
         "Reporting Period (since last progress note): 07/02/2026 - 07/23/2026",
         "Certification Period: 06/01/2026 - 08/23/2026",
         "Reason for Discharge: Goals met; pt independent w/ HEP.", "",
         "SUBJECTIVE",
         "Pt reports gardening 30-40 min w/o pain next day, reaching top shelves, back at food pantry weekly. Pain 0/10",
         "rest, 1/10 worst. \"I can do everything I did before the surgery, just not as long.\"", "",
         "OBJECTIVE", "Objective Measures"]
    L += table([["Measure", "", "Eval 03/09", "Discharge", ""],
                ["Shoulder flexion AROM (deg)", "", "NT (PROM 100)", "156", ""],
                ["Shoulder abduction AROM (deg)", "", "NT (PROM 75)", "150", ""],
                ["Shoulder ER AROM (deg)", "", "NT (PROM 25)", "70", ""],
                ["MMT flex / abd / ER (R)", "", "NT", "4/5 4/5 4+/5", ""],
                ["Lift 5 lb to overhead shelf", "", "unable", "5 reps", "no shrug"],
                ["QuickDASH (/100)", "", "70.5", "20.5", "-50.0"]])
    L += ["",
          "GOAL STATUS AT DISCHARGE (recert goals 05/21/2026)",
          "  LTG 1 (AROM flex >= 150): MET - 156 deg.",
          "  LTG 2 (strength >= 4/5): MET - 4/5 flex/abd, 4+/5 ER.",
          "  LTG 3 (QuickDASH <= 25): MET - 20.5.",
          "  LTG 4 (lift 5 lb overhead x5): MET - 5 reps, pain 1/10.",
          "  LTG 5 (garden 30 min): MET - 30-40 min tolerated.",
          "",
          "ASSESSMENT",
          "Pt has met all goals after 34 visits. Functional status at discharge: independent all ADLs/IADLs incl. overhead",
          "reaching and light lifting; mild residual endurance deficit w/ prolonged overhead work.",
          "",
          "PLAN / RECOMMENDATIONS",
          "Discharged from PT to independent HEP (theraband RC/scap program 3x/wk, stretching daily). Avoid lifting",
          "> 15 lb overhead until cleared by MD at 6-month f/u. Return to PT w/ new order if function declines.",
          "Discharge summary faxed to Dr. Ostergaard.", ""]
    L += sig(TH, CR, d, "5:40 PM")
    return L

# ================================================================== PATIENT B (KX missing after prior-YTD amount; late PN)
def patient_b():
    pt = dict(name="Thistlewood, Cornelius A.", chart="20588", dob="01/30/1952", mbi="7HR2-XN4-PD36",
              case="Low Back / L LE - Lumbar Stenosis 2026", claims={})
    TH, CR = "Emeric Saltonstall", "PT, MSPT"
    MD = "Mirela Dobrescu, DO"
    dx = "M48.062"
    P = Printer(header_lines(pt))
    dates = weekday_dates("2026-08-03", "2026-09-28", (0, 3), skip=("09/07/2026",))
    # Labor Day 09/07 moved to Tue 09/08
    dates.append(D("2026-09-08")); dates.sort()
    n = len(dates)
    cert = "08/03/2026 - 09/30/2026"
    kx = {"ytd": 1874.16, "applykx": False}
    P.doc([
        "INSURANCE ELIGIBILITY VERIFICATION", "",
        "Payer: Medicare Part B (CGS Administrators, J15)     Inquiry: HETS 270/271     Checked: 07/29/2026 2:47 PM by kbramhall",
        f"Beneficiary: THISTLEWOOD, CORNELIUS A     MBI: {pt['mbi']}     DOB: {pt['dob']}",
        "Coverage Status: Active - Part A eff. 01/01/2017, Part B eff. 01/01/2017",
        "MSP: None on file     Medicare Advantage: None     Hospice: None",
        "Part B Deductible 2026: $283.00 - Remaining $0.00",
        "Therapy Threshold (KX) 2026 - PT/SLP Combined Amount Applied: $1,874.16     OT Amount Applied: $0.00",
        "Note: prior PT claims 2026 from another provider (01/2026 - 03/2026). Secondary: none - pt responsible 20%.",
        "",
        "<<PAGE>>",
        "REFERRAL / PHYSICIAN ORDER", "",
        "Received: 07/28/2026 via e-Fax from Far Hills Family Medicine",
        f"Referring Physician: {MD}     NPI: 1205938476",
        "Order Date: 07/27/2026",
        "Diagnosis: M48.062 Spinal stenosis, lumbar region w/ neurogenic claudication; M54.16 Radiculopathy, lumbar region",
        "Order: PT eval and treat - lumbar stabilization, flexion-based program, walking tolerance. 2x/wk x 6-8 wks.",
        f"Electronically signed by {MD} on 07/27/2026 11:19 AM",
    ])
    d1 = dates[0]
    procs1 = [("97162", 45), ("97110", 13)]
    u1 = allocate(procs1)
    ev = [
        "INITIAL EVALUATION", "",
        f"Date of Service: {us(d1)}     Visit #: 1     Time In: 1:00 PM     Time Out: 1:58 PM",
        f"Provider: {TH}, {CR}     Referring Physician: {MD} (NPI 1205938476)",
        "Medical Diagnosis: M48.062 Spinal stenosis, lumbar region with neurogenic claudication; M54.16 Radiculopathy, lumbar",
        "Treatment Diagnosis: M54.50 Low back pain, unspecified; R26.89 Other abnormalities of gait; M62.81 Muscle weakness",
        "Date of Onset: 04/2026 (gradual)",
        "",
        "SUBJECTIVE",
        "History: 74 y/o M retired diesel mechanic w/ ~4 mo hx LBP w/ L buttock/posterior thigh pain and heaviness after",
        "walking 5-7 min, relieved by sitting/leaning on cart. No specific injury. MRI 06/18/2026: moderate central and",
        "L lateral recess stenosis L4-5, mild L3-4, multilevel DDD. Epidural offered, pt wants to try PT first.",
        "Prior Treatment: PT 01-03/2026 at another clinic for R knee OA (helped). No prior PT for back. Meloxicam x 3 wks.",
        "Past Medical History: T2DM (A1c 7.1), HTN, BPH, R knee OA, hx L inguinal hernia repair. Former smoker (quit 2009).",
        "Medications: metformin, amlodipine, tamsulosin, meloxicam 15 mg.",
        "Prior Level of Function: Independent, walked 30-40 min daily w/ wife, mowed lawn (push mower), fished from bank.",
        "Lives w/ wife, 2-story home, 12 steps w/ rail.",
        "Pain: NPRS 3/10 sitting, 7/10 after walking 6 min. Denies bowel/bladder change, saddle anesthesia, night pain.",
        "Patient Goals: walk w/ wife again, mow lawn, go fishing.",
        "",
        "OBJECTIVE",
        "Posture: flexed trunk in standing, decreased lumbar lordosis. Gait: short step length, forward flexed after 3 min.",
        "Objective Measures",
    ]
    ev += table([
        ["Measure", "", "Result", "", "Comments"],
        ["Lumbar flexion AROM", "", "75%", "", "relieves sx"],
        ["Lumbar extension AROM", "", "25%", "", "reproduces L buttock pain"],
        ["SLR", "", "neg bilat", "", "HS tight 60 deg bilat"],
        ["Hip flexion MMT R/L", "", "4/5 / 4-/5", "", ""],
        ["Hip abduction MMT R/L", "", "4-/5 / 3+/5", "", "Trendelenburg L"],
        ["Sensation L4-S1", "", "intact", "", "light touch"],
        ["Reflexes patellar/Achilles", "", "2+ / 1+ bilat", "", "symmetric"],
        ["Walking tolerance", "", "6 min", "", "until L LE sx 6/10"],
        ["5x Sit-to-Stand", "", "16.8 sec", "", "uses hands"],
        ["Prone plank / TrA", "", "unable / poor", "", ""],
    ])
    ev += [
        "Functional Outcome: Modified Oswestry Disability Index 44% (severe disability).",
        "Functional Limitations: walking limited to 6 min, standing > 10 min (cooking, shaving) painful, unable to mow or",
        "fish, difficulty rising from low chair, limited community mobility (stops 2-3x in grocery store).",
        "",
        "ASSESSMENT",
        "74 y/o M w/ signs/sx consistent w/ L4-5 lumbar stenosis w/ neurogenic claudication: flexion-relieved, extension-",
        "provoked L LE sx, reduced walking tolerance, hip/core weakness, impaired sit-stand. Comorbidities (T2DM, knee OA)",
        "affect activity tolerance. Moderate complexity. Pt is a good candidate for skilled PT: flexion-based ROM, core/hip",
        "strengthening, manual therapy, graded walking program and education. Rehab Potential: Good.",
        "",
        "GOALS",
        "Short Term Goals (4 weeks, by 08/31/2026):",
        "  STG 1: Independent w/ initial HEP (flexion bias, TrA, hip abd) w/ correct technique.",
        "  STG 2: Walk 12 min continuously before onset of L LE sx.",
        "  STG 3: Pain <= 4/10 after walking.",
        "Long Term Goals (8 weeks, by 09/28/2026):",
        "  LTG 1: Modified Oswestry <= 24%.",
        "  LTG 2: Walk 25 min community distance w/o rest break to walk w/ wife.",
        "  LTG 3: 5x Sit-to-Stand <= 12 sec w/o hands.",
        "  LTG 4: Push-mow front lawn (~20 min) w/ pain <= 3/10.",
        "",
        "PLAN",
        "Amount: 1 session/day, 30-60 min per session",
        "Frequency: 2x/week     Duration: 8 weeks     Certification Period: " + cert,
        "Interventions: 97110 ther ex, 97140 manual therapy (lumbar/hip mobs, STM), 97112 NMR (core stabilization,",
        "balance), 97530 ther activities (lift/carry, mowing sim), G0283 e-stim unattended prn pain, HEP, education.",
        "Treatment Today: eval; HEP - SKTC, posterior pelvic tilt, TrA bracing, clamshells; walking program 5 min x 3/day.",
        "Procedures",
    ]
    ev += proc_table(procs1, u1)
    ev += ["Total Timed Code Minutes: 13     Total Treatment Time: 58 min", ""]
    ev += sig(TH, CR, d1, "4:20 PM")
    ev += ["",
           "PHYSICIAN CERTIFICATION OF PLAN OF CARE",
           "I have reviewed this plan of care and certify that the services are medically necessary and furnished while",
           "the patient is under my care. Certification Period: " + cert,
           f"Physician: {MD}     NPI: 1205938476",
           f"Physician Signature: Electronically signed via Physician Portal by {MD}     Date: 08/07/2026 8:03 PM"]
    P.doc(ev)
    bill_visit(pt, d1, u1, TH, MD, dx, kx, claim_for(pt, d1))
    subj_e = ["Walked 8 min yesterday before leg got heavy. Back {p}/10 this AM.",
              "Sore after last visit, ok next day. HEP daily. Pain {p}/10.",
              "Standing to shave still bothers. Pain {p}/10.",
              "Went to grocery store, used cart, 1 rest. Pain {p}/10.",
              "Slept poorly, back stiff in AM, loosened after SKTC. Pain {p}/10."]
    subj_l = ["Walked 15 min w/ wife, sx came on at end. Pain {p}/10.",
              "Mowed part of back yard w/ breaks. Pain {p}/10 after.",
              "Feels steadier getting up from chairs. Pain {p}/10.",
              "Went fishing 1 hr on lawn chair, ok. Pain {p}/10.",
              "Walking program up to 3 x 12 min. Pain {p}/10."]
    for i, d in enumerate(dates[1:], start=2):
        if i <= 9:
            m110 = random.choice([20, 22, 23, 25]); m140 = random.choice([10, 12, 13, 15])
            procs = [("97110", m110), ("97140", m140), ("G0283", 15)]
            p = random.choice([3, 4, 4, 5]); wt = 5 + i // 2
            subj = random.choice(subj_e).format(p=p)
            detail = [f"Recumbent bike 8 min L2, SKTC/DKTC 2x10, PPT 2x15, TrA w/ heel slides 2x10, clamshells red 2x12, bridges 2x10",
                      f"Manual: STM L QL/glute med, PA mobs L3-5 gr II-III (flexion bias), hip distraction L",
                      f"IFC 80-150 Hz to lumbar paraspinals x 15 min in hooklying w/ moist heat (unattended)",
                      f"Walking on treadmill w/ UE support {wt} min 1.5 mph, sx onset {wt - 1} min"]
            assess = f"Pt tolerated tx w/ decreased pain post manual ({max(p - 2, 1)}/10). Walking tolerance improving ({wt} min). Requires skilled cues for TrA activation and flexion-bias positioning."
            plan = "Cont POC. Progress core stabilization and walking program."
        else:
            m110 = random.choice([18, 20, 22, 24]); m530 = random.choice([12, 14, 15]); m112 = random.choice([8, 10, 12])
            procs = [("97110", m110), ("97530", m530), ("97112", m112)]
            p = random.choice([2, 2, 3, 3]); wt = 16 + (i - 12) * 12 // 5
            subj = random.choice(subj_l).format(p=p)
            detail = [f"Treadmill 1.8 mph 0% incline {wt} min w/ light UE support, bike 6 min L3, bridges w/ march 2x10, side-lying hip abd 2 lb 2x12",
                      f"Ther act: sit-stand from 17\" chair w/o hands 3x8, lift 10-15 lb tackle box floor-waist 2x6 w/ hip hinge, push sled 40 ft x4 (mowing sim)",
                      f"NMR: TrA bracing in standing w/ ball toss 2x1 min, tandem stance 3x30 sec, bird-dog 2x8",
                      f"HEP updated w/ standing hip abd and mini-squats"]
            assess = f"Improved endurance; walked {wt} min before sx. Sit-stand quality improved, still mild L Trendelenburg w/ fatigue. Skilled PT needed to progress functional training."
            plan = "Cont POC, progress walking duration and functional lifting."
        procs, u = fix(procs)
        t0 = random.choice([(8, 30), (11, 0), (13, 15), (15, 0)])
        P.doc(treatment_note(pt, i, d, procs, u, subj, detail, assess, plan, TH, CR, cert, t0))
        bill_visit(pt, d, u, TH, MD, dx, kx, claim_for(pt, d))
        if i == 12:
            P.doc(progress_b(pt, i, d, TH, CR, MD, cert))
    P.doc(discharge_b(pt, n, dates, TH, CR, MD))
    pn = dates[11]
    P.doc(corr_log([
        ("08/03/2026 4:33 PM", "Fax", f"Initial Evaluation/Plan of Care 08/03/2026 sent to {MD} for certification", "kbramhall"),
        ("08/07/2026 8:03 PM", "Physician Portal", "Plan of Care 08/03/2026 signed by physician", "system"),
        (f"{us(pn)} 5:02 PM", "Fax", f"Progress Note {us(pn)} sent to {MD}", "esaltonstall"),
        (f"{us(dates[-1])} 5:15 PM", "Fax", f"Discharge Summary {us(dates[-1])} sent to {MD}", "esaltonstall"),
    ]))
    write(os.path.join(EXP, "Thistlewood_Cornelius_20588", "Thistlewood_Cornelius_ChartPrint_20588.pdf.txt"), P.render(COLS))
    return pt, dates, kx

def progress_b(pt, v, d, TH, CR, MD, cert):
    L = pn_header("PROGRESS NOTE", d, v, f"08/03/2026 - {us(d)}", TH, CR, cert, MD)
    L += ["SUBJECTIVE",
          "Pt reports walking 15 min w/ wife 3-4x/wk before L leg heaviness, standing to shave/cook w/o pain. Mowed front",
          "yard in 2 sessions. Pain 1/10 sitting, 3/10 after 15 min walking. Doing HEP daily.", "",
          "OBJECTIVE", "Objective Measures"]
    L += table([["Measure", "", "Eval 08/03", "Current", "Change"],
                ["Walking tolerance", "", "6 min", "16 min", "+10 min"],
                ["5x Sit-to-Stand", "", "16.8 sec", "13.1 sec", "no hands"],
                ["Hip abduction MMT R/L", "", "4-/5 / 3+/5", "4/5 / 4-/5", ""],
                ["Lumbar extension AROM", "", "25%", "50%", "mild pull only"],
                ["Modified Oswestry", "", "44%", "30%", "-14"],
                ["Pain after walking (NPRS)", "", "7/10", "3/10", "-4"]])
    L += ["",
          "GOAL STATUS",
          "  STG 1 (independent HEP): MET.",
          "  STG 2 (walk 12 min before L LE sx): MET - 16 min.",
          "  STG 3 (pain <= 4/10 after walking): MET - 3/10.",
          "  LTG 1 (Oswestry <= 24%): PROGRESSING - 30%.",
          "  LTG 2 (walk 25 min w/o rest): PROGRESSING - 16 min.",
          "  LTG 3 (5xSTS <= 12 sec w/o hands): PROGRESSING - 13.1 sec, no hands.",
          "  LTG 4 (push-mow ~20 min, pain <= 3/10): PARTIALLY MET - mows 10-12 min per session, pain 3/10.",
          "",
          "ASSESSMENT",
          "All STGs met. Good response to flexion-based program and core/hip strengthening. Remaining deficits in walking",
          "endurance, hip strength and lifting mechanics. Continued skilled PT indicated to reach LTGs within cert period.",
          "",
          "PLAN",
          "Continue 2x/wk through 09/30/2026 per POC. Progress treadmill duration, functional lifting, mowing simulation.",
          "Copy of progress note faxed to Dr. Dobrescu.", ""]
    L += sig(TH, CR, d, "4:59 PM")
    return L

def discharge_b(pt, n, dates, TH, CR, MD):
    d = dates[-1]; pn = dates[11]
    nxt = dates[12]
    L = ["DISCHARGE SUMMARY", "",
         f"Date: {us(d)}     Visit #: {n}     Episode: 08/03/2026 - {us(d)}     Total Visits: {n}",
         f"Provider: {TH}, {CR}     Referring Physician: {MD}",
         f"Reporting Period (since last progress note): {us(nxt)} - {us(d)}",
         "Certification Period: 08/03/2026 - 09/30/2026",
         "Reason for Discharge: Goals met / max benefit; pt independent w/ HEP and walking program.", "",
         "SUBJECTIVE",
         "Walking 25-30 min w/ wife most days, mowing front and back yard w/ one break. Pain 0-1/10, occasional L thigh",
         "heaviness after 30+ min that resolves w/ sitting.", "",
         "OBJECTIVE", "Objective Measures"]
    L += table([["Measure", "", "Eval 08/03", "Discharge", ""],
                ["Walking tolerance", "", "6 min", "28 min", ""],
                ["5x Sit-to-Stand", "", "16.8 sec", "11.4 sec", "no hands"],
                ["Hip abduction MMT R/L", "", "4-/5 / 3+/5", "4+/5 / 4/5", ""],
                ["Modified Oswestry", "", "44%", "20%", ""],
                ["Pain after walking (NPRS)", "", "7/10", "1/10", ""]])
    L += ["",
          "GOAL STATUS AT DISCHARGE",
          "  LTG 1 (Oswestry <= 24%): MET - 20%.",
          "  LTG 2 (walk 25 min w/o rest): MET - 28 min.",
          "  LTG 3 (5xSTS <= 12 sec w/o hands): MET - 11.4 sec.",
          "  LTG 4 (push-mow ~20 min, pain <= 3/10): MET - 20-25 min, pain 1/10.",
          "",
          "ASSESSMENT",
          "Pt met all LTGs. Functional status at discharge: independent community ambulation 25+ min, independent",
          "yard work w/ pacing, normal sit-stand. Education on flexion-bias positioning and symptom management complete.",
          "",
          "PLAN",
          "D/C to independent HEP and daily walking program. Follow up w/ Dr. Dobrescu prn; return to PT w/ new order if sx",
          "recur. Discharge summary faxed to Dr. Dobrescu.", ""]
    L += sig(TH, CR, d, "5:12 PM")
    return L

# ================================================================== PATIENT C (late cert; over-billed units 09/29)
def patient_c():
    pt = dict(name="Dworshak, Lorraine E.", chart="20631", dob="11/05/1947", mbi="2KF9-UA3-TG58",
              case="R Knee - Post-op TKA 2026", claims={})
    TH, CR = "Therese Vanhoose", "PT, DPT"
    MD = "Calloway J. Fenstermacher, MD"
    dx = "Z47.1"
    P = Printer(header_lines(pt))
    dates = weekday_dates("2026-09-08", "2026-10-23", (1, 4))
    n = len(dates)
    cert = "09/08/2026 - 10/26/2026"
    kx = {"ytd": 0.0, "applykx": True}
    P.doc([
        "INSURANCE ELIGIBILITY VERIFICATION", "",
        "Payer: Medicare Part B (CGS Administrators, J15)     Inquiry: HETS 270/271     Checked: 09/03/2026 10:05 AM by kbramhall",
        f"Beneficiary: DWORSHAK, LORRAINE E     MBI: {pt['mbi']}     DOB: {pt['dob']}",
        "Coverage Status: Active - Part A eff. 11/01/2012, Part B eff. 11/01/2012",
        "MSP: None on file     Medicare Advantage: None     Home Health Episode: ended 09/04/2026",
        "Part B Deductible 2026: $283.00 - Remaining $0.00",
        "Therapy Threshold (KX) 2026 - PT/SLP Combined Amount Applied: $0.00     OT Amount Applied: $0.00",
        "Note: home health PT billed under Part A (HH episode), not applied to Part B threshold. Secondary: Anthem Medigap F.",
        "",
        "<<PAGE>>",
        "REFERRAL / PHYSICIAN ORDER", "",
        "Received: 09/01/2026 via e-Fax from Southview Joint Replacement Center",
        f"Referring Physician: {MD}     NPI: 1366019827",
        "Order Date: 08/31/2026",
        "Diagnosis: Z96.651 Presence of right artificial knee joint; Z47.1 Aftercare following joint replacement surgery",
        "Order: Outpatient PT s/p R TKA 08/20/2026 - eval and treat. ROM, strengthening, gait, WBAT. 2-3x/wk x 6-8 wks.",
        f"Electronically signed by {MD} on 08/31/2026 3:02 PM",
    ])
    d1 = dates[0]
    procs1 = [("97162", 40), ("97110", 14)]
    u1 = allocate(procs1)
    ev = [
        "INITIAL EVALUATION", "",
        f"Date of Service: {us(d1)}     Visit #: 1     Time In: 10:00 AM     Time Out: 10:54 AM",
        f"Provider: {TH}, {CR}     Referring Physician: {MD} (NPI 1366019827)",
        "Medical Diagnosis: Z96.651 Presence of right artificial knee joint; Z47.1 Aftercare following joint replacement surgery",
        "Treatment Diagnosis: M25.661 Stiffness of right knee; R26.89 Other abnormalities of gait; M62.81 Muscle weakness",
        "Date of Onset: 08/20/2026 (R TKA)",
        "",
        "SUBJECTIVE",
        "History: 78 y/o F s/p R TKA 08/20/2026 for end-stage OA (Dr. Fenstermacher). D/c home POD 2. Home health PT",
        "08/22 - 09/04 (8 visits), progressed walker -> SPC in home. Now driving not yet cleared; daughter drives.",
        "Pain 3/10 rest, 6/10 after activity/stairs, stiffness AM. Using ice machine, tramadol at night only.",
        "Past Medical History: OA bilat knees (L moderate), HTN, hyperlipidemia, GERD, cataract surgery 2023. BMI 31.",
        "Medications: losartan, atorvastatin, omeprazole, apixaban (post-op DVT ppx through 09/20), tramadol prn.",
        "Prior Level of Function: Independent community ambulator w/o device prior to knee worsening (SPC last 6 mo for",
        "long distances), line dancing 1x/wk, cares for grandson 2 afternoons/wk. Lives alone, 1 level, 3 steps to enter.",
        "Patient Goals: walk w/o cane, get back to line dancing, get down on floor to play w/ grandson.",
        "",
        "OBJECTIVE",
        "Incision healed, mild warmth, moderate effusion R knee. Calf soft, non-tender.",
        "Objective Measures",
    ]
    ev += table([
        ["Measure", "", "Right", "Left", "Comments"],
        ["Knee extension AROM (deg)", "", "-8", "0", "lacks 8"],
        ["Knee flexion AROM (deg)", "", "92", "125", "PROM 98"],
        ["Quad MMT", "", "3/5", "4/5", "ext lag 5 deg w/ SLR"],
        ["Hip abd MMT", "", "4-/5", "4/5", ""],
        ["Girth mid-patella (cm)", "", "44.5", "40.0", ""],
        ["TUG (sec)", "", "16.2", "", "w/ SPC"],
        ["10 m walk (m/s)", "", "0.62", "", "w/ SPC"],
        ["Stairs", "", "step-to", "", "1 rail"],
    ])
    ev += [
        "Functional Outcome: LEFS 28/80 (35% of max function).",
        "Functional Limitations: walks w/ SPC, household/short community distances only (< 150 ft), step-to pattern on",
        "stairs, unable to kneel or get up from floor, difficulty w/ low chair/car transfers, unable to dance or babysit.",
        "",
        "ASSESSMENT",
        "78 y/o F 19 days s/p R TKA w/ limited knee ROM (8-92), quad weakness w/ ext lag, effusion and gait deviation",
        "(decreased stance on R, stiff-knee gait). Fall risk elevated (TUG 16.2 s). Comorbidities: contralateral knee OA,",
        "obesity, anticoagulation. Moderate complexity. Skilled PT needed to restore ROM, strength, gait and transfers.",
        "Rehab Potential: Good.",
        "",
        "GOALS",
        "Short Term Goals (3 weeks, by 09/29/2026):",
        "  STG 1: R knee AROM 3-105 deg to allow normal sit-stand and car transfers.",
        "  STG 2: Independent w/ HEP (quad sets, heel slides, SLR, LAQ) w/ correct form.",
        "  STG 3: Amb 300 ft w/ SPC w/o gait deviation other than mild antalgic.",
        "Long Term Goals (7 weeks, by 10/26/2026):",
        "  LTG 1: R knee AROM 0-115 deg.",
        "  LTG 2: Amb community distances (> 1000 ft) w/o assistive device, TUG <= 10 sec.",
        "  LTG 3: Stairs reciprocal w/ 1 rail.",
        "  LTG 4: LEFS >= 55/80.",
        "  LTG 5: Floor transfer independently w/ chair support (to play w/ grandson).",
        "",
        "PLAN",
        "Amount: 1 session/day, 30-60 min per session",
        "Frequency: 2x/week     Duration: 7 weeks     Certification Period: " + cert,
        "Interventions: 97110 ther ex, 97140 manual therapy (patellar/TF mobs, scar mobs), 97116 gait training, 97112",
        "NMR (balance/proprioception), 97530 ther activities (transfers, floor transfer), HEP, cryotherapy, education.",
        "Treatment Today: eval; reviewed/updated HH HEP - quad sets, heel slides w/ strap, SAQ, SLR, prone hangs.",
        "Procedures",
    ]
    ev += proc_table(procs1, u1)
    ev += ["Total Timed Code Minutes: 14     Total Treatment Time: 54 min", ""]
    ev += sig(TH, CR, d1, "3:36 PM")
    ev += ["",
           "PHYSICIAN CERTIFICATION OF PLAN OF CARE",
           "I have reviewed this plan of care and certify that the services are medically necessary and furnished while",
           "the patient is under my care. Certification Period: " + cert,
           f"Physician: {MD}     NPI: 1366019827",
           f"Physician Signature: Electronically signed via Physician Portal by {MD}     Date: 10/19/2026 7:48 AM"]
    P.doc(ev)
    bill_visit(pt, d1, u1, TH, MD, dx, kx, claim_for(pt, d1))
    subj_l = ["Knee stiff in AM, loosens after walking around house. Pain {p}/10.",
              "Walked to mailbox w/ cane, no issues. Pain {p}/10, swelling down w/ ice.",
              "Stairs getting easier. Pain {p}/10 after HEP.",
              "Sore after last PT, ok next day. Pain {p}/10.",
              "Slept better, off tramadol. Pain {p}/10."]
    flex = 92
    for i, d in enumerate(dates[1:], start=2):
        flex = min(92 + (i - 1) * 2, 117)
        ext = -8 + (i - 1) * 6 // 9
        p = random.choice([2, 3, 3, 4]) if i < 8 else random.choice([1, 2, 2])
        subj = random.choice(subj_l).format(p=p)
        if us(d) == "09/29/2026":
            procs = [("97110", 22), ("97116", 15)]
            u = {"97110": 2, "97116": 1}   # billed as entered by the therapist (3 units); 37 min supports 2
            detail = [f"Recumbent bike 6 min seat 9, rocking for ROM; heel slides 2x10, SLR 2x10 (no lag), LAQ 2 lb 2x12, TKE green 2x15",
                      f"Gait: SPC vs no device in // bars then hallway 300 ft x2, cues for heel strike and knee ext at terminal stance; step-ups 4\" 2x8",
                      f"AROM R knee {ext} to {flex} deg after tx"]
            assess = "Improved knee ext at terminal stance w/ cues; amb 300 ft w/ SPC w/ mild antalgic gait. Short session - pt had to leave early for ride (daughter)."
            plan = "Cont POC. Progress gait w/o device next visit."
        elif i <= 7:
            procs = [("97110", random.choice([20, 22, 24])), ("97140", random.choice([10, 12])), ("97116", random.choice([10, 12, 13]))]
            procs, u = fix(procs)
            detail = [f"Recumbent bike 6 min seat 9-8, heel slides 2x10, quad sets 10x5 sec, SLR 2x10, SAQ/LAQ 1-2 lb 2x12",
                      f"Manual: patellar mobs sup/inf gr II-III, TF PA mobs for ext, scar mobs, tib rotation w/ flex",
                      f"Gait: SPC on level/hallway 200-300 ft, cues heel strike/knee ext; stairs 4 steps step-to -> reciprocal attempts",
                      f"AROM R knee {ext} to {flex} deg post-tx; ice 10 min (not billed)"]
            assess = f"ROM gains ({ext} to {flex} deg), effusion decreasing. Gait still w/ decreased R stance/knee ext. Requires skilled manual therapy and gait training."
            plan = "Cont POC. Progress ROM, quad strength and gait."
        else:
            procs = [("97110", random.choice([18, 20, 22])), ("97112", random.choice([10, 12])), ("97116", random.choice([8, 10]))]
            procs, u = fix(procs)
            detail = [f"Bike 8 min seat 8 full revs, mini-squats 2x12, step-ups 6\" 2x10, LAQ 3 lb 2x12, bridges 2x12, standing HS curls 2x12",
                      f"NMR: tandem stance 3x30 sec, SLS R 3x15 sec w/ touch, foam stance head turns, side-stepping w/ band",
                      f"Gait w/o device 300-500 ft incl. turns, curb; stairs reciprocal w/ 1 rail 12 steps",
                      f"AROM R knee {ext} to {flex} deg"]
            assess = f"Progressing well, amb w/o device w/ mild antalgic gait late in session. Balance improving. Skilled PT needed to progress strength/balance toward LTGs."
            plan = "Cont POC. Progress balance, stairs and floor transfer training."
        t0 = random.choice([(9, 0), (10, 30), (13, 0)])
        P.doc(treatment_note(pt, i, d, procs, u, subj, detail, assess, plan, TH, CR, cert, t0))
        bill_visit(pt, d, u, TH, MD, dx, kx, claim_for(pt, d))
        if i == 10:
            P.doc(progress_c(pt, i, d, TH, CR, MD, cert, flex, ext))
    P.doc(discharge_c(pt, n, dates, TH, CR, MD))
    P.doc(corr_log([
        ("09/08/2026 3:40 PM", "Note", "Initial Evaluation/Plan of Care 09/08/2026 signed by therapist - queued for physician", "tvanhoose"),
        ("10/09/2026 5:20 PM", "Fax", f"Progress Note 10/09/2026 sent to {MD}", "tvanhoose"),
        ("10/12/2026 2:15 PM", "Fax", f"Initial Evaluation/Plan of Care 09/08/2026 sent to {MD} for certification", "kbramhall"),
        ("10/19/2026 7:48 AM", "Physician Portal", "Plan of Care 09/08/2026 signed by physician", "system"),
        (f"{us(dates[-1])} 5:05 PM", "Fax", f"Discharge Summary {us(dates[-1])} sent to {MD}", "tvanhoose"),
    ]))
    write(os.path.join(EXP, "Dworshak_Lorraine_20631", "Dworshak_Lorraine_ChartPrint_20631.pdf.txt"), P.render(COLS))
    return pt, dates, kx

def progress_c(pt, v, d, TH, CR, MD, cert, flex, ext):
    L = pn_header("PROGRESS NOTE", d, v, f"09/08/2026 - {us(d)}", TH, CR, cert, MD)
    L += ["SUBJECTIVE",
          "Pt walking in home w/o cane, uses SPC outdoors. Off tramadol. Pain 1/10 rest, 3/10 after stairs/long walks.",
          "Babysat grandson 1 afternoon w/ daughter present. Not yet able to get down to floor.", "",
          "OBJECTIVE", "Objective Measures"]
    L += table([["Measure", "", "Eval 09/08", "Current", "Change"],
                ["Knee extension AROM (deg)", "", "-8", "-2", "+6"],
                ["Knee flexion AROM (deg)", "", "92", "110", "+18"],
                ["Quad MMT R", "", "3/5", "4-/5", "no lag"],
                ["TUG (sec)", "", "16.2 (SPC)", "11.8 (no AD)", "-4.4"],
                ["Stairs", "", "step-to", "reciprocal 1 rail", ""],
                ["LEFS (/80)", "", "28", "46", "+18"]])
    L += ["",
          "GOAL STATUS",
          "  STG 1 (AROM 3-105 by 09/29/2026): MET - -2 to 110 deg (met 10/06).",
          "  STG 2 (independent HEP): MET.",
          "  STG 3 (amb 300 ft w/ SPC): MET - 500 ft w/o device indoors.",
          "  LTG 1 (AROM 0-115): PROGRESSING - -2 to 110 deg.",
          "  LTG 2 (community amb w/o AD, TUG <= 10 sec): PROGRESSING - TUG 11.8 sec, SPC outdoors.",
          "  LTG 3 (stairs reciprocal 1 rail): MET.",
          "  LTG 4 (LEFS >= 55): PROGRESSING - 46/80.",
          "  LTG 5 (floor transfer w/ chair support): NOT MET - not yet attempted (knee flexion/kneeling tolerance).",
          "",
          "ASSESSMENT",
          "Good progress; STGs met. Remaining deficits: terminal knee ext, quad strength, balance/gait speed outdoors and",
          "floor transfer. Continued skilled PT indicated to achieve LTGs by 10/26/2026.",
          "",
          "PLAN",
          "Continue 2x/wk per POC; begin floor transfer training, progress balance and outdoor gait. Copy to Dr. Fenstermacher.", ""]
    L += sig(TH, CR, d, "5:14 PM")
    return L

def discharge_c(pt, n, dates, TH, CR, MD):
    d = dates[-1]
    L = ["DISCHARGE SUMMARY", "",
         f"Date: {us(d)}     Visit #: {n}     Episode: 09/08/2026 - {us(d)}     Total Visits: {n}",
         f"Provider: {TH}, {CR}     Referring Physician: {MD}",
         f"Reporting Period (since last progress note): {us(dates[10])} - {us(d)}",
         "Certification Period: 09/08/2026 - 10/26/2026",
         "Reason for Discharge: Goals met; pt independent w/ HEP.", "",
         "SUBJECTIVE",
         "Walking in community w/o cane, back to line dancing class (sits out fast songs). Got down on floor w/ grandson",
         "using couch. Pain 0-1/10.", "",
         "OBJECTIVE", "Objective Measures"]
    L += table([["Measure", "", "Eval 09/08", "Discharge", ""],
                ["Knee AROM (deg)", "", "-8 to 92", "0 to 117", ""],
                ["Quad MMT R", "", "3/5", "4/5", ""],
                ["TUG (sec)", "", "16.2 (SPC)", "9.4 (no AD)", ""],
                ["Stairs", "", "step-to", "reciprocal 1 rail", ""],
                ["LEFS (/80)", "", "28", "58", ""]])
    L += ["",
          "GOAL STATUS AT DISCHARGE",
          "  LTG 1 (AROM 0-115): MET - 0 to 117 deg.",
          "  LTG 2 (community amb w/o AD, TUG <= 10 sec): MET - TUG 9.4 sec.",
          "  LTG 3 (stairs reciprocal 1 rail): MET.",
          "  LTG 4 (LEFS >= 55): MET - 58/80.",
          "  LTG 5 (floor transfer w/ chair support): MET - independent w/ couch.",
          "",
          "ASSESSMENT",
          "All goals met. Functional status at discharge: independent community ambulation w/o device, reciprocal stairs,",
          "independent floor transfer w/ support; mild residual quad endurance deficit.",
          "",
          "PLAN",
          "D/C to independent HEP (strengthening 3x/wk, bike/walking daily). F/u w/ Dr. Fenstermacher at 3 mo post-op.",
          "Discharge summary faxed to Dr. Fenstermacher.", ""]
    L += sig(TH, CR, d, "4:47 PM")
    return L

# ================================================================== main
if __name__ == "__main__":
    a = patient_a(); b = patient_b(); c = patient_c()
    cols = ["Chart #", "Patient", "Case", "Visit Date", "Proc Code", "Description", "Mod 1", "Mod 2", "Mod 3", "Units",
            "Charge", "Exp Allow", "Paid", "Adjust", "Pt Resp", "Balance", "Ins Plan", "Claim #", "Status",
            "Therapist", "Referring Dr", "Dx 1"]
    with open(os.path.join(EXP, "Ledger_Detail_by_Patient_20261202.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, quoting=csv.QUOTE_MINIMAL)
        w.writeheader()
        for r in LEDGER: w.writerow(r)
    info = {}
    for tag, (pt, dates, kx) in zip("ABC", (a, b, c)):
        info[tag] = dict(dates=[x.isoformat() for x in dates], ytd=kx["ytd"],
                         first_over=kx.get("first_over") and kx["first_over"].isoformat(),
                         missing=sorted({x.isoformat() for x in kx.get("missing", [])}))
    json.dump(info, open(os.path.join(ROOT, "gen", "info.json"), "w"), indent=1)
    print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "dates"} for k, v in info.items()}, indent=1))

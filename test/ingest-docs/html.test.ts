import { describe, expect, it } from 'vitest';
import { ReaderError } from '../../src-main/core/ingest/errors';
import { htmlToText, readHtmlNote } from '../../src-main/core/ingest/html';

describe('htmlToText', () => {
  it('turns blocks and <br> into lines and collapses source whitespace', () => {
    const html = `<html><body><h1>Daily   Note</h1>
      <p>Date of Service:
         03/04/2026<br>Visit 7 of 20</p><div>Signed: J. Roe PT</div></body></html>`;
    expect(htmlToText(html)).toBe(
      'Daily Note\n\nDate of Service: 03/04/2026\nVisit 7 of 20\n\nSigned: J. Roe PT',
    );
  });

  it('decodes named, decimal and hex entities, and cp1252 numeric references', () => {
    expect(
      htmlToText('<p>R&amp;D &lt;5&gt; 98.6&deg;F &#8211; &#x2014; caf&eacute; &#146;s&nbsp;x</p>'),
    ).toBe('R&D <5> 98.6°F \u2013 \u2014 café \u2019s x');
    expect(htmlToText('AT&T &unknown; &#0;')).toBe('AT&T &unknown; \ufffd');
  });

  it('puts table cells of a row on one line separated by tabs, one row per line', () => {
    const html =
      '<table><tr><th>CPT</th><th>Units</th></tr><tr><td>97545</td><td>1</td></tr>' +
      '<tr><td>97546</td><td>2</td></tr></table>';
    expect(htmlToText(html)).toBe('CPT\tUnits\n97545\t1\n97546\t2');
  });

  it('drops head, script, style and comments but keeps the body', () => {
    const html = `<!DOCTYPE html><html><head><title>Export</title><style>p{color:red}</style></head>
      <body><script>var patient = "x";</script><!-- internal id 42 --><p>Assessment: tolerated well</p></body></html>`;
    expect(htmlToText(html)).toBe('Assessment: tolerated well');
  });

  it('keeps text after a stray unclosed <head>, and handles > inside attribute values', () => {
    expect(htmlToText('<head><p title="a>b">Plan: continue</p>')).toBe('Plan: continue');
  });

  it('keeps line breaks inside <pre>', () => {
    expect(htmlToText('<pre>S: pain 3/10\nO: ROM WNL</pre>')).toBe('S: pain 3/10\nO: ROM WNL');
  });
});

describe('readHtmlNote', () => {
  it('reads an HTML note into one html page', () => {
    const bytes = new TextEncoder().encode('<html><body><p>Progress Report</p></body></html>');
    expect(readHtmlNote(bytes)).toEqual({
      kind: 'notes',
      format: 'html',
      pages: [{ page: 1, text: 'Progress Report' }],
    });
  });

  it('rejects HTML with no readable text', () => {
    const bytes = new TextEncoder().encode(
      '<html><head><title>x</title></head><body> <br> </body></html>',
    );
    expect(() => readHtmlNote(bytes)).toThrow(ReaderError);
    try {
      readHtmlNote(bytes);
    } catch (err) {
      expect((err as ReaderError).rejection.code).toBe('empty');
    }
  });
});

// The tests below use markup as EMR exports write it (WebPT/Raintree/Prompt form exports, Epic
// printouts, Word-made templates), not as the sample chart does.

describe('htmlToText: forms exported as HTML', () => {
  it('writes ticked and unticked checkboxes as "[X] " and "[ ] " before their label (input first)', () => {
    const html = `<fieldset class="dc-reason"><legend>Reason for Discharge</legend>
      <div class="form-check"><input class="form-check-input" type="checkbox" name="dc_goals" id="dc_goals" value="1" checked="checked" disabled="disabled" /><label class="form-check-label" for="dc_goals">Goals met</label></div>
      <div class="form-check"><input class="form-check-input" type="checkbox" name="dc_plateau" id="dc_plateau" value="1" disabled="disabled" /><label class="form-check-label" for="dc_plateau">Plateau in progress</label></div>
    </fieldset>`;
    expect(htmlToText(html)).toBe('Reason for Discharge\n[X] Goals met\n[ ] Plateau in progress');
  });

  it('puts the box before a label that wraps it or is written before it (<label for>)', () => {
    const wrapped = `<label class="chk"><input type=checkbox CHECKED> Independent with HEP</label><br>
      <label class="chk">Requires assistance <input type=checkbox></label>`;
    expect(htmlToText(wrapped)).toBe('[X] Independent with HEP\n[ ] Requires assistance');
    const labelFirst = `<span class="lbl"><label for="rtw1">Return to full duty</label></span>
      <span class="box"><input type="checkbox" id="rtw1" checked disabled></span>`;
    expect(htmlToText(labelFirst)).toBe('[X] Return to full duty');
  });

  it('joins a cell holding only a tick box to the label in the next cell', () => {
    const html = `<table class="flowsheet"><tr><td width="20"><input type="checkbox" checked disabled></td><td>Goals met</td></tr>
      <tr><td width="20"><input type="checkbox" disabled></td><td>Patient non-compliant</td></tr></table>`;
    expect(htmlToText(html)).toBe('[X] Goals met\n[ ] Patient non-compliant');
  });

  it('shows radio buttons as tick boxes', () => {
    const html = `<p>Rehab potential: <input type="radio" name="rp" value="good" checked> Good
      <input type="radio" name="rp" value="fair"> Fair <input type="radio" name="rp" value="poor"> Poor</p>`;
    expect(htmlToText(html)).toBe('Rehab potential: [X] Good [ ] Fair [ ] Poor');
  });

  it('shows a <select> as its selected option only, and nothing when none is selected', () => {
    const html = `<table><tr><td>Goal status:</td><td><select name="g1" disabled>
        <option value="">-- select --</option><option value="met" selected="selected">Met</option>
        <option value="prog">Progressing</option><option value="not">Not met</option></select></td></tr>
      <tr><td>Frequency:</td><td><select name="freq"><option>1x/week</option><option>2x/week</option></select></td></tr></table>`;
    expect(htmlToText(html)).toBe('Goal status:\tMet\nFrequency:');
  });

  it('shows every selected option of a multiple select, and the label an option gives', () => {
    const html = `<p>Body part: <select multiple><option selected>Lumbar</option><option>Cervical</option>
      <option selected label="Shoulder, R">RSH</option></select></p>`;
    expect(htmlToText(html)).toBe('Body part: Lumbar, Shoulder, R');
  });

  it('shows the values typed into text fields', () => {
    const html = `<div>Pain: <input type="text" name="pain" value="3/10" readonly> at rest</div>
      <div>Date of Service: <input type="date" value="2026-03-04"></div><input type="hidden" name="csrf" value="abc123">`;
    expect(htmlToText(html)).toBe('Pain: 3/10 at rest\nDate of Service: 2026-03-04');
  });
});

describe('htmlToText: lists and definition lists', () => {
  it('writes list items as "- " items, nested lists included', () => {
    const html = `<h3>Short Term Goals</h3><ol class="goals">
      <li>Lift 30 lb floor to waist in 2 wks</li>
      <li><p>Stand 60 min with pain &le; 3/10</p></li>
      <li>HEP<ul><li>independent</li></ul></li></ol><p>Plan: continue</p>`;
    expect(htmlToText(html)).toBe(
      'Short Term Goals\n\n- Lift 30 lb floor to waist in 2 wks\n\n- Stand 60 min with pain ≤ 3/10\n\n- HEP\n- independent\n\nPlan: continue',
    );
  });

  it('writes definition lists as "term: value" lines, repeating the term for a second value', () => {
    const html = `<dl class="vitals"><dt>BP</dt><dd>128/82</dd><dt>HR:</dt><dd>74 bpm</dd>
      <dt>Pain</dt><dd><p>3/10 at rest</p></dd><dd>6/10 after lifting</dd><dt>SpO2</dt><dd></dd></dl>
      <p>Assessment: tolerated well</p>`;
    expect(htmlToText(html)).toBe(
      // The paragraph inside a value leaves its blank line, as on screen.
      'BP: 128/82\nHR: 74 bpm\nPain: 3/10 at rest\n\nPain: 6/10 after lifting\nSpO2\n\nAssessment: tolerated well',
    );
  });
});

describe('htmlToText: tables as EMRs print them', () => {
  it('reads rows of header and data cells in turn as labelled values', () => {
    const html = `<table class="demo">
      <tr><th>Patient</th><td>Roe, Jane M.</td><th>DOB</th><td>07-22-1988</td><th>MRN:</th><td>LR-20931</td></tr>
      <tr><th>Therapist</th><td>Hannah Kowalczyk, PT, DPT</td><th>Signature</th><td></td></tr></table>`;
    expect(htmlToText(html)).toBe(
      'Patient: Roe, Jane M.\tDOB: 07-22-1988\tMRN: LR-20931\nTherapist: Hannah Kowalczyk, PT, DPT\tSignature:',
    );
  });

  it('keeps the columns of a data table under its header row, empty cells included', () => {
    const html = `<table><thead><tr><th>CPT</th><th>Description</th><th>Modifier</th><th>Units</th></tr></thead>
      <tbody><tr><th>97110</th><td>Therapeutic exercise</td><td></td><td>2</td></tr>
      <tr><th>97530</th><td>Therapeutic activities</td><td>GP</td><td>1</td></tr></tbody></table>`;
    expect(htmlToText(html)).toBe(
      'CPT\tDescription\tModifier\tUnits\n97110\tTherapeutic exercise\t\t2\n97530\tTherapeutic activities\tGP\t1',
    );
  });

  it('keeps a row on one line when its cells wrap their text in paragraphs (Word-made templates)', () => {
    const html = `<table class=MsoTableGrid border=1><tr><td width=120 valign=top><p class=MsoNormal><span style='font-size:10.0pt'>97110<o:p></o:p></span></p></td>
      <td width=300 valign=top><p class=MsoNormal>Therapeutic exercise<o:p></o:p></p></td><td><div>2</div></td></tr></table>`;
    expect(htmlToText(html)).toBe('97110\tTherapeutic exercise\t2');
  });

  it('sets cells of several lines side by side, line by line, as the printed page shows them', () => {
    const html = `<table width="100%"><tr>
      <td valign="top">Patient: Roe, Jane<br>DOB: 01/02/1980<br>MRN: 445120</td>
      <td valign="top">Provider: John Doe, PT<br>Date of Service: 03/04/2026</td></tr></table>`;
    expect(htmlToText(html)).toBe(
      'Patient: Roe, Jane\tProvider: John Doe, PT\nDOB: 01/02/1980\tDate of Service: 03/04/2026\nMRN: 445120',
    );
  });

  it('closes cells and rows left open, even around unclosed inline tags', () => {
    const html = `<TABLE BORDER=1><TR><TD><FONT FACE=Arial>97110<TD><FONT FACE=Arial>Ther ex<TD>2
      <TR><TD>97530<TD><B>Ther act<TD>1</TABLE><P>Total timed minutes: 45`;
    expect(htmlToText(html)).toBe(
      '97110\tTher ex\t2\n97530\tTher act\t1\n\nTotal timed minutes: 45',
    );
  });

  it('writes a note laid out in one big table cell as its own lines', () => {
    const html = `<table width="700"><tr><td><h2>Daily Note</h2><p>Date of Service: 03/04/2026</p>
      <table><tr><td>Exercise</td><td>Sets</td></tr><tr><td>Squats</td><td>3</td></tr></table>
      <p>Signed: J. Roe, PT</p></td></tr></table>`;
    expect(htmlToText(html)).toBe(
      'Daily Note\n\nDate of Service: 03/04/2026\n\nExercise\tSets\nSquats\t3\n\nSigned: J. Roe, PT',
    );
  });

  it('reads XHTML exports: self-closing tags and CDATA text', () => {
    const html = `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title><script type="text/javascript"/></head>
      <body><table><tr><td>Visit</td><td/><td>7</td></tr></table><p><![CDATA[Pain < 3/10]]></p></body></html>`;
    expect(htmlToText(html)).toBe('Visit\t\t7\n\nPain < 3/10');
  });
});

describe('htmlToText: nothing lost, nothing slow', () => {
  it('keeps the note after a <script> or <title> that is never closed', () => {
    expect(htmlToText('<p>Plan: continue</p><script>var x = 1;<p>Signed: J. Roe, PT</p>')).toBe(
      'Plan: continue\n\nvar x = 1;\n\nSigned: J. Roe, PT',
    );
    expect(htmlToText('<body><title>Note<p>Signed: J. Roe, PT</p>')).toBe(
      'Note\n\nSigned: J. Roe, PT',
    );
  });

  it('reads deeply nested and very large HTML in linear time, without recursion', () => {
    const depth = 200_000;
    const deep = '<div><span>'.repeat(depth) + 'x' + '</i>'.repeat(depth);
    const tables = '<table><tr><td>a'.repeat(20_000);
    const rows = `<table>${'<tr><td>97110</td><td>Ther ex<br>15 min</td></tr>'.repeat(50_000)}</table>`;
    const started = performance.now();
    expect(htmlToText(deep)).toBe('x');
    expect(htmlToText(tables).split('\n').length).toBeGreaterThan(1);
    expect(htmlToText(rows).split('\n')).toHaveLength(100_000);
    // htmlparser2's own Parser takes minutes on the first input: it unshifts and scans its stack.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('readHtmlNote: character set', () => {
  const noteText = (bytes: Uint8Array) => {
    const read = readHtmlNote(bytes);
    if (read.kind !== 'notes') throw new Error(`read as ${read.kind}`);
    return read.pages[0]!.text;
  };
  const latin2 = (html: string) =>
    Uint8Array.from(html, (c) => (c === 'ř' ? 0xf8 : c === 'á' ? 0xe1 : c.charCodeAt(0)));

  it('decodes a legacy charset the page declares in a <meta> tag', () => {
    const bytes = latin2(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"></head><body><p>Therapist: Dvořák, PT</p></body></html>',
    );
    expect(noteText(bytes)).toBe('Therapist: Dvořák, PT');
  });

  it('keeps valid UTF-8 when the template still declares Latin-1, and falls back to Windows-1252', () => {
    const utf8 = new TextEncoder().encode('<meta charset="ISO-8859-1"><p>Núñez, José – 98.6°F</p>');
    expect(noteText(utf8)).toBe('Núñez, José – 98.6°F');
    const cp1252 = Uint8Array.from(
      ['<p>pt', 0x92, 's HEP ', 0x96, ' 5', 0xb0].flatMap((c) =>
        typeof c === 'number' ? [c] : [...c].map((ch) => ch.charCodeAt(0)),
      ),
    );
    expect(noteText(cp1252)).toBe('pt\u2019s HEP \u2013 5°');
  });

  it("reads a page that declares windows-1252 as Windows-1252, Word's en dashes and quotes kept", () => {
    const declared = Uint8Array.from(
      [
        '<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head>',
        '<body><p>Reporting period 03/02/2026 ',
        0x96,
        ' 03/13/2026, ',
        0x93,
        'tol well',
        0x94,
        '</p></body></html>',
      ].flatMap((c) => (typeof c === 'number' ? [c] : [...c].map((ch) => ch.charCodeAt(0)))),
    );
    expect(noteText(declared)).toBe(
      'Reporting period 03/02/2026 \u2013 03/13/2026, \u201ctol well\u201d',
    );
  });
});

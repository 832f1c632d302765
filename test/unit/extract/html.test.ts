import { describe, expect, it } from 'vitest';
import { htmlToText, decodeEntities } from '../../../src/core/extract/html';

describe('htmlToText', () => {
  it('turns a spreadsheet clipboard table into TSV', () => {
    const html =
      '<meta charset="utf-8"><google-sheets-html-origin><style>td{color:red}</style><table><colgroup><col></colgroup><tbody>' +
      '<tr><td>Jane   Doe</td><td>jane@x.com</td></tr>\n<tr><td>O&#39;Brien, Pat</td><td><a href="mailto:p@x.org">p@x.org</a></td></tr></tbody></table>';
    expect(htmlToText(html)).toBe("Jane Doe\tjane@x.com\nO'Brien, Pat\tp@x.org");
  });

  it('keeps empty cells, joins lines inside a cell, and separates blocks', () => {
    expect(htmlToText('<table><tr><td>a</td><td></td><td>c<br>d</td></tr></table>')).toBe('a\t\tc d');
    expect(htmlToText('<p>One</p><p>Two<br>Three</p><ul><li>x</li><li>y</li></ul>')).toBe('One\nTwo\nThree\nx\ny');
  });

  it('drops scripts, styles and comments; tolerates broken markup', () => {
    expect(htmlToText('<script>var a="<td>"</script>Hi<!-- secret --> there <b>you')).toBe('Hi there you');
    expect(htmlToText('a < b and <unclosed')).toBe('a < b and');
    expect(htmlToText('<div title="x > y">ok</div>')).toBe('ok');
    expect(htmlToText('')).toBe('');
  });

  it('decodes entities', () => {
    expect(decodeEntities('&lt;&amp;&gt; &#x41;&#66; &nbsp;&eacute; &bogus;')).toBe('<&> AB  é &bogus;');
  });
});

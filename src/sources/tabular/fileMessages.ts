/**
 * What is wrong with a whole file (empty, not a spreadsheet, a damaged .xlsx), in the user's
 * language: the pane's, or the CLI's --lang (Finnish by default).
 * A library's own words, when there are any, follow in parentheses (see libraryCause).
 */
import { defineMessages } from '../../core/i18n/lang';

export type FileKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'xls' | 'gzip';

export const fileMessage = defineMessages({
  fi: {
    empty: 'tiedosto on tyhjä',
    sheetEmpty: 'taulukko on tyhjä',
    noSheets: 'työkirjassa ei ole taulukoita',
    stateUnreadable: 'työkirjaan tallennettuja Rajauksen tietoja ei voi lukea ({cause})',
    noSuchSheet: "työkirjassa ei ole taulukkoa '{sheet}'. Taulukot: {sheets}",
    binary: 'tämä ei ole tekstitiedosto (CSV): siinä on binääridataa',
    namedXlsx: 'tiedoston nimi päättyy .xlsx, mutta se ei ole Excel-työkirja',
    unreadableXlsx:
      'Excel-työkirjaa ei voi lukea; se voi olla vioittunut tai kesken tallennettu. Tallenna se Excelissä uudelleen .xlsx- tai CSV-muodossa ({cause})',
    kind_png: 'tämä on PNG-kuva, ei CSV- tai .xlsx-tiedosto',
    kind_jpeg: 'tämä on JPEG-kuva, ei CSV- tai .xlsx-tiedosto',
    kind_gif: 'tämä on GIF-kuva, ei CSV- tai .xlsx-tiedosto',
    kind_pdf: 'tämä on PDF-asiakirja, ei CSV- tai .xlsx-tiedosto',
    kind_xls: 'tämä on vanha Excel 97–2003 (.xls) -tiedosto tai muu Office-binääritiedosto; tallenna se .xlsx- tai CSV-muodossa',
    kind_gzip: 'tämä on gzip-pakattu tiedosto, ei CSV- tai .xlsx-tiedosto',
    tooManyColumns: '{columns} saraketta, mutta Excelin taulukkoon mahtuu {max}',
    emptyHeader: 'ensimmäinen rivi on tyhjä; ensimmäisellä rivillä pitää olla sarakkeiden otsikot (esim. Yritys; Puhelin; Postinumero)',
    looksLikeData: "ensimmäinen rivi näyttää tiedoilta ('{first}') eikä sarakkeiden otsikoilta; lisää otsikkorivi, esim. 'Puhelin' tai 'Yritys'",
    tooManyFields: "rivillä on {fields} kenttää, mutta otsikkorivillä {width}; jossakin arvossa on luultavasti erotin ilman lainausmerkkejä ('{extra}')",
  },
  en: {
    empty: 'the file is empty',
    sheetEmpty: 'the sheet is empty',
    noSheets: 'the workbook has no sheets',
    stateUnreadable: 'the Rajaus state stored in the workbook cannot be read ({cause})',
    noSuchSheet: "no sheet named '{sheet}'. Sheets: {sheets}",
    binary: 'this is not a text (CSV) file: it holds binary data',
    namedXlsx: 'the file is named .xlsx but is not an Excel workbook',
    unreadableXlsx:
      'not a readable .xlsx workbook; it may be damaged or not completely saved. Save it again in Excel as .xlsx or CSV ({cause})',
    kind_png: 'this is a PNG image, not a CSV or .xlsx file',
    kind_jpeg: 'this is a JPEG image, not a CSV or .xlsx file',
    kind_gif: 'this is a GIF image, not a CSV or .xlsx file',
    kind_pdf: 'this is a PDF document, not a CSV or .xlsx file',
    kind_xls: 'this is an old Excel 97–2003 (.xls) or other Office binary file; save it as .xlsx or CSV',
    kind_gzip: 'this is a gzip archive, not a CSV or .xlsx file',
    tooManyColumns: '{columns} columns, but an Excel sheet holds {max}',
    emptyHeader: 'the first row is empty; the first row must hold the column headers (e.g. Yritys; Puhelin; Postinumero)',
    looksLikeData: "the first row looks like data ('{first}'), not column headers; add a header row such as 'Puhelin' or 'Yritys'",
    tooManyFields: "the row has {fields} fields but the header has {width}; a value probably holds an unquoted delimiter ('{extra}')",
  },
  sv: {
    empty: 'filen är tom',
    sheetEmpty: 'bladet är tomt',
    noSheets: 'arbetsboken har inga blad',
    stateUnreadable: 'Rajaus-uppgifterna som sparats i arbetsboken kan inte läsas ({cause})',
    noSuchSheet: "arbetsboken har inget blad som heter '{sheet}'. Blad: {sheets}",
    binary: 'detta är inte en textfil (CSV): den innehåller binära data',
    namedXlsx: 'filen heter .xlsx men är ingen Excel-arbetsbok',
    unreadableXlsx:
      'Excel-arbetsboken kan inte läsas; den kan vara skadad eller ofullständigt sparad. Spara den på nytt i Excel som .xlsx eller CSV ({cause})',
    kind_png: 'detta är en PNG-bild, inte en CSV- eller .xlsx-fil',
    kind_jpeg: 'detta är en JPEG-bild, inte en CSV- eller .xlsx-fil',
    kind_gif: 'detta är en GIF-bild, inte en CSV- eller .xlsx-fil',
    kind_pdf: 'detta är ett PDF-dokument, inte en CSV- eller .xlsx-fil',
    kind_xls: 'detta är en gammal Excel 97–2003-fil (.xls) eller annan binär Office-fil; spara den som .xlsx eller CSV',
    kind_gzip: 'detta är ett gzip-arkiv, inte en CSV- eller .xlsx-fil',
    tooManyColumns: '{columns} kolumner, men ett Excel-blad rymmer {max}',
    emptyHeader: 'första raden är tom; första raden måste innehålla kolumnrubrikerna (t.ex. Yritys; Puhelin; Postinumero)',
    looksLikeData: "första raden ser ut som data ('{first}'), inte som kolumnrubriker; lägg till en rubrikrad, t.ex. 'Puhelin' eller 'Yritys'",
    tooManyFields: "raden har {fields} fält men rubrikraden {width}; ett värde innehåller troligen en avgränsare utan citattecken ('{extra}')",
  },
});

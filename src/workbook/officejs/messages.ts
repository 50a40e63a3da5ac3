/** Messages of the Office.js adapter: progress labels and errors a person can act on. */
import { defineMessages } from '../../core/i18n/lang';

export const t = defineMessages({
  fi: {
    preparing: 'Valmistellaan työkirjaa…',
    writing: 'Kirjoitetaan taulukkoa {sheet}…',
    finishing: 'Viimeistellään…',
    reading: 'Luetaan taulukkoa {sheet}…',
    badSheetName: 'Taulukon nimi "{name}" ei kelpaa Excelille: {problem}.',
    duplicatePlan: 'Taulukko "{name}" on muutoksessa kahdesti.',
    tooManyRows: 'Taulukkoon "{sheet}" tulisi {rows} riviä, mutta Excelin taulukkoon mahtuu {max}. Rajaa hakua.',
    rowTooWide: 'Taulukon "{sheet}" rivi {row} on liian suuri kirjoitettavaksi Exceliin yhdellä kertaa.',
    sheetNotFound: 'Työkirjassa ei ole taulukkoa "{sheet}".',
    stateDamaged: 'Työkirjaan tallennetut Rajauksen tiedot ovat vioittuneet ({detail}).',
  },
  en: {
    preparing: 'Preparing the workbook…',
    writing: 'Writing sheet {sheet}…',
    finishing: 'Finishing…',
    reading: 'Reading sheet {sheet}…',
    badSheetName: 'The sheet name "{name}" is not valid in Excel: {problem}.',
    duplicatePlan: 'The sheet "{name}" appears twice in the change.',
    tooManyRows: 'Sheet "{sheet}" would have {rows} rows, but an Excel sheet holds {max}. Narrow the search.',
    rowTooWide: 'Row {row} of sheet "{sheet}" is too large to write into Excel in one request.',
    sheetNotFound: 'The workbook has no sheet "{sheet}".',
    stateDamaged: 'The Rajaus data saved in this workbook is damaged ({detail}).',
  },
  sv: {
    preparing: 'Förbereder arbetsboken…',
    writing: 'Skriver bladet {sheet}…',
    finishing: 'Slutför…',
    reading: 'Läser bladet {sheet}…',
    badSheetName: 'Bladnamnet "{name}" godkänns inte av Excel: {problem}.',
    duplicatePlan: 'Bladet "{name}" förekommer två gånger i ändringen.',
    tooManyRows: 'Bladet "{sheet}" skulle få {rows} rader, men ett Excel-blad rymmer {max}. Avgränsa sökningen.',
    rowTooWide: 'Rad {row} på bladet "{sheet}" är för stor för att skrivas till Excel på en gång.',
    sheetNotFound: 'Arbetsboken har inget blad "{sheet}".',
    stateDamaged: 'Rajaus-uppgifterna i arbetsboken är skadade ({detail}).',
  },
});

// lightning-datatable with the two cell types the attribution dashboard needs: a figure that
// lightning-formatted-number writes (count, currency, percent) or "No data" when the service has none,
// and an uplift that reads as its figure followed by the samples behind it.
import LightningDatatable from 'lightning/datatable';
import figureTemplate from './figure.html';
import upliftTemplate from './uplift.html';

export default class CoSellMetricTable extends LightningDatatable {
  static customTypes = {
    figure: {
      template: figureTemplate,
      standardCellLayout: true,
      typeAttributes: [
        'formatStyle',
        'currencyCode',
        'minimumFractionDigits',
        'maximumFractionDigits',
        'missing',
        'missingText',
      ],
    },
    uplift: {
      template: upliftTemplate,
      standardCellLayout: true,
      typeAttributes: ['text', 'detail', 'figureClass'],
    },
  };
}

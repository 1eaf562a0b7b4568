// lightning-datatable for Jest: sfdx-lwc-jest's stub lacks the real component's public ariaLabel, so
// an aria-label given to a datatable would land on its host element (an ARIA misuse axe reports)
// instead of on the grid the real component renders. This stub takes the same properties, renders
// nothing, and lets a subclass declare custom types as the real one does.
import { LightningElement, api } from 'lwc';

export default class Datatable extends LightningElement {
  static customTypes;

  @api ariaLabel;
  @api ariaLabelledBy;
  @api ariaDescribedBy;
  @api columnWidthsMode;
  @api columns;
  @api data;
  @api defaultSortDirection;
  @api hideCheckboxColumn;
  @api hideTableHeader;
  @api isLoading;
  @api keyField;
  @api maxColumnWidth;
  @api minColumnWidth;
  @api resizeColumnDisabled;
  @api selectedRows;
  @api showRowNumberColumn;
  @api sortedBy;
  @api sortedDirection;
  @api suppressBottomBar;
  @api wrapTableHeader;
  @api wrapTextMaxLines;
  @api getSelectedRows() {
    return [];
  }
}

/**
 * The clinic's date order, as a Vue ref: the clinic store sets it when its settings load or
 * change, and every formatted date on screen follows at once.
 */
import { ref } from 'vue'
import { DEFAULT_DATE_ORDER, type DateOrder } from './format'

export const dateOrder = ref<DateOrder>(DEFAULT_DATE_ORDER)
